import request from 'supertest';
import { CliUsageError, createTokenFromArgs, parseTokenArgs } from '../../src/cli/token-create.command';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { bearer } from '../helpers/tokens';

describe('token:create command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('mints a working token, prints it once with a hint, and audits it without a caller', async () => {
    const output = await createTokenFromArgs(['--name', 'first admin', '--scopes', 'tokens:manage,content:read', '--expires', '90d'], t.app);
    const [token, hint, ...rest] = output.split('\n');
    expect(rest).toEqual([]);
    expect(token).toMatch(/^byl_[A-Za-z0-9_-]{43}$/);
    expect(hint).toContain('first admin');
    expect(hint).toContain('only this once');
    expect(hint).not.toContain(token);

    const res = await request(t.http).get('/api/admin/tokens').set(bearer(token));
    expect(res.status).toBe(200);
    const listed = res.body.data.find((x: { name: string }) => x.name === 'first admin');
    expect(listed.scopes).toEqual(['tokens:manage', 'content:read']);
    expect(Date.parse(listed.expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);

    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { targetId: listed.id } });
    expect(audit).toMatchObject({ action: 'token.created', tokenId: null });
  });

  it('mints a token that never expires when --expires is left out', async () => {
    const [token] = (await createTokenFromArgs(['--name', 'forever', '--scopes', 'content:read'], t.app)).split('\n');
    const row = await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'forever' } });
    expect(row.expiresAt).toBeNull();
    expect(row.tokenHash).not.toContain(token);
  });

  it.each([
    [['--name', 'x', '--scopes', 'content:read,root'], /unknown scope\(s\) root/],
    [['--name', 'x', '--scopes', ','], /--scopes: must list at least one/],
    [['--name', 'x', '--scopes', 'content:read', '--expires', 'soon'], /--expires: must be a positive number/],
    [['--name', 'x', '--scopes', 'content:read', '--expires', '0d'], /--expires/],
    [['--scopes', 'content:read'], /--name and --scopes are required/],
    [['--name', 'x', '--scopes', 'content:read', '--admin'], /Unknown option '--admin'/],
    [['--name', 'x', '--scopes', 'content:read', 'extra'], /positional/i],
  ])('refuses %j with a readable message and the usage', (argv, message) => {
    let error: unknown;
    try {
      parseTokenArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliUsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('Usage: npm run token:create');
  });

  it('creates nothing when the arguments are invalid', async () => {
    const before = await t.prisma.apiToken.count();
    await expect(createTokenFromArgs(['--name', 'bad', '--scopes', 'nope'], t.app)).rejects.toBeInstanceOf(CliUsageError);
    expect(await t.prisma.apiToken.count()).toBe(before);
  });
});
