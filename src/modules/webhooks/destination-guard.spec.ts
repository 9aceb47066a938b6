import { DestinationGuard, DestinationRefusedError } from './destination-guard';

const lookup = (guard: DestinationGuard, host: string, all: boolean) =>
  new Promise<{ error: Error | null; address: unknown }>((resolve) => guard.lookup(host, { all }, (error, address) => resolve({ error, address })));

describe('DestinationGuard', () => {
  const strict = new DestinationGuard();

  it.each([
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'], ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['fd00::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'], ['100.64.0.1', 'carrierGradeNat'], ['224.0.0.1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'], ['192.0.2.10', 'reserved'],
  ])('refuses %s (%s) by default', (address, range) => {
    expect(strict.refusal(address)).toBe(`${address} is a ${range} address`);
  });

  it.each(['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(strict.refusal(address)).toBeUndefined();
  });

  it('allows everything with allowPrivateNetworks, and only the listed ranges with allowedNetworks', () => {
    expect(new DestinationGuard({ allowPrivateNetworks: true, allowedNetworks: [] }).refusal('127.0.0.1')).toBeUndefined();
    const listed = new DestinationGuard({ allowPrivateNetworks: false, allowedNetworks: ['10.1.0.0/16', '127.0.0.1', 'fd00::/8'] });
    expect(listed.refusal('10.1.200.3')).toBeUndefined();
    expect(listed.refusal('127.0.0.1')).toBeUndefined();
    expect(listed.refusal('fd00::5')).toBeUndefined();
    expect(listed.refusal('10.2.0.1')).toMatch(/private/);
    expect(listed.refusal('127.0.0.2')).toMatch(/loopback/);
  });

  it('refuses a name that resolves to loopback, in both lookup modes', async () => {
    for (const all of [true, false]) {
      const { error } = await lookup(strict, 'localhost', all);
      expect(error).toBeInstanceOf(DestinationRefusedError);
      expect(error?.message).toMatch(/^destination refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
    }
  });

  it('resolves that name normally when allowed', async () => {
    const open = new DestinationGuard({ allowPrivateNetworks: true, allowedNetworks: [] });
    const { error, address } = await lookup(open, 'localhost', false);
    expect(error).toBeNull();
    expect(address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
