import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('REST /api/admin/tokens', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await issueToken(t, ['tokens:manage', 'content:read', 'content:write'], { name: 'admin' });
  });
  afterAll(() => t.close());

  const create = (body: object, token = admin) => request(t.http).post('/api/admin/tokens').set(bearer(token)).send(body);

  it('shows the plaintext once on create, never in the list, and never stores it', async () => {
    const created = await create({ name: 'CI deploy', scopes: ['content:read', 'content:write'], expiresIn: '90d' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('private, no-store');
    const token: string = created.body.data.token;
    expect(token).toMatch(/^byl_[A-Za-z0-9_-]{43}$/);
    expect(created.body.data).toMatchObject({ name: 'CI deploy', scopes: ['content:read', 'content:write'], prefix: token.slice(0, 12), revokedAt: null });
    const expiresAt = Date.parse(created.body.data.expiresAt);
    expect(Math.abs(expiresAt - (Date.now() + 90 * 86_400_000))).toBeLessThan(60_000);

    const listed = await request(t.http).get('/api/admin/tokens').set(bearer(admin));
    expect(listed.status).toBe(200);
    const entry = listed.body.data.find((x: { id: string }) => x.id === created.body.data.id);
    expect(entry).toMatchObject({ name: 'CI deploy', prefix: token.slice(0, 12) });
    expect(entry).not.toHaveProperty('token');
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash/i);

    const rows = await t.prisma.pool.query('SELECT * FROM api_tokens');
    for (const row of rows.rows) {
      for (const value of Object.values(row)) expect(JSON.stringify(value) ?? '').not.toContain(token.slice(12));
    }
    expect(rows.rows.some((r) => r.token_hash && r.token_hash.length === 64)).toBe(true);

    // The new token works straight away, with its own scopes only.
    const own = await request(t.http).get('/api/admin/tokens').set(bearer(token));
    expectProblem(own, 403, 'FORBIDDEN');
  });

  it('lets a token grant only scopes it holds itself, creating nothing otherwise', async () => {
    const manager = await issueToken(t, ['tokens:manage']);
    const before = await t.prisma.apiToken.count();
    const refused = await create({ name: 'escalation', scopes: ['tokens:manage', 'content:publish'] }, manager);
    expect(expectProblem(refused, 403, 'FORBIDDEN').detail).toContain('content:publish');
    expect(await t.prisma.apiToken.count()).toBe(before);
    expect((await create({ name: 'peer', scopes: ['tokens:manage'] }, manager)).status).toBe(201);
  });

  it('revokes a token from the next request on, and records both events in the audit log', async () => {
    const created = await create({ name: 'short-lived', scopes: ['tokens:manage'] });
    const token = created.body.data.token as string;
    expect((await request(t.http).get('/api/admin/tokens').set(bearer(token))).status).toBe(200);

    const revoked = await request(t.http).delete(`/api/admin/tokens/${created.body.data.id}`).set(bearer(admin)).set('X-Request-Id', 'req-revoke-1');
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.revokedAt).toEqual(expect.any(String));
    const again = await request(t.http).delete(`/api/admin/tokens/${created.body.data.id}`).set(bearer(admin));
    expect(again.body.data.revokedAt).toBe(revoked.body.data.revokedAt);

    const refused = await request(t.http).get('/api/admin/tokens').set(bearer(token));
    expectProblem(refused, 401, 'UNAUTHENTICATED');

    const audit = await request(t.http).get('/api/admin/audit?limit=100').set(bearer(admin));
    expect(audit.status).toBe(200);
    expect(audit.headers['cache-control']).toBe('private, no-store');
    const events = audit.body.data.filter((e: { targetId: string }) => e.targetId === created.body.data.id);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['token.revoked', 'token.created']);
    expect(events[0]).toMatchObject({ targetType: 'api_token', requestId: 'req-revoke-1', tokenId: expect.any(String) });
    expect(audit.body.meta.pagination).toMatchObject({ page: 1, limit: 100 });
  });

  it('answers 404 for revoking an unknown token and 400 for a malformed id', async () => {
    expectProblem(await request(t.http).delete('/api/admin/tokens/00000000-0000-4000-8000-000000000000').set(bearer(admin)), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).delete('/api/admin/tokens/nope').set(bearer(admin)), 400, 'VALIDATION_FAILED');
  });

  it.each([
    [{ scopes: ['content:read'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['content:everything'] }, 'scopes'],
    [{ name: 'x', scopes: 'content:read' }, 'scopes'],
    [{ name: 'x', scopes: ['content:read'], expiresIn: '90 days' }, 'expiresIn'],
    [{ name: 'x', scopes: ['content:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
    [{ name: 'x', scopes: ['content:read'], expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
    [{ name: 'x', scopes: ['content:read'], expiresIn: '1d', expiresAt: '2099-01-01T00:00:00Z' }, 'expiresIn'],
    [{ name: 'x', scopes: ['content:read'], admin: true }, 'admin'],
  ])('rejects %j with 400 naming %s', async (body, field) => {
    const res = await create(body);
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });
});
