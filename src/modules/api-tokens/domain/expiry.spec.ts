import { expiryFromDuration } from './expiry';

describe('expiryFromDuration', () => {
  const now = new Date('2026-01-01T00:00:00.000Z');

  it.each([
    ['30m', '2026-01-01T00:30:00.000Z'],
    ['12h', '2026-01-01T12:00:00.000Z'],
    ['90d', '2026-04-01T00:00:00.000Z'],
    ['2w', '2026-01-15T00:00:00.000Z'],
  ])('turns %s into an absolute expiry', (duration, expected) => {
    expect(expiryFromDuration(duration, now)?.toISOString()).toBe(expected);
  });

  it.each(['', '0d', '90', 'd', '1y', '-1d', '1.5d', '4000d', '90 days'])('rejects %j', (duration) => {
    expect(expiryFromDuration(duration, now)).toBeNull();
  });
});
