import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('REST access decisions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  const admin = (headers: Record<string, string>) => request(t.http).get('/api/admin/tokens').set(headers);

  it('answers 401 with WWW-Authenticate when no token is sent', async () => {
    const res = await admin({});
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="byline"');
  });

  it.each([
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
    ['a malformed token', 'Bearer not-a-token'],
    ['two tokens', `Bearer byl_${'a'.repeat(43)} byl_${'b'.repeat(43)}`],
    ['an unknown token', `Bearer byl_${'A'.repeat(43)}`],
  ])('answers 401 invalid_token for %s', async (_label, header) => {
    const res = await admin({ Authorization: header });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="byline", error="invalid_token"');
  });

  it('answers the same 401 for expired and revoked tokens', async () => {
    const expired = await issueToken(t, ['tokens:manage'], { expired: true });
    const revoked = await issueToken(t, ['tokens:manage'], { revoked: true });
    const a = await admin(bearer(expired));
    const b = await admin(bearer(revoked));
    expectProblem(a, 401, 'UNAUTHENTICATED');
    expectProblem(b, 401, 'UNAUTHENTICATED');
    expect(a.body.detail).toBe(b.body.detail);
  });

  it('answers 403 naming the missing scope', async () => {
    const reader = await issueToken(t, ['content:read', 'content:write', 'content:publish', 'webhooks:manage']);
    const res = await admin(bearer(reader));
    expect(expectProblem(res, 403, 'FORBIDDEN').detail).toContain('tokens:manage');
  });

  it('makes expiry effective on the next request', async () => {
    const token = await issueToken(t, ['tokens:manage']);
    expect((await admin(bearer(token))).status).toBe(200);
    const { data } = (await admin(bearer(token))).body as { data: { id: string; prefix: string }[] };
    const id = data.find((x) => token.startsWith(x.prefix))!.id;
    await t.prisma.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectProblem(await admin(bearer(token)), 401, 'UNAUTHENTICATED');
  });

  it('records last use at most once a minute', async () => {
    const token = await issueToken(t, ['tokens:manage'], { name: 'last-used probe' });
    await admin(bearer(token));
    const first = await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'last-used probe' } });
    expect(first.lastUsedAt).toEqual(expect.any(Date));
    await admin(bearer(token));
    const second = await t.prisma.apiToken.findFirstOrThrow({ where: { name: 'last-used probe' } });
    expect(second.lastUsedAt).toEqual(first.lastUsedAt);
  });

  it('serves public routes with any Authorization header, valid or not', async () => {
    const valid = await issueToken(t, ['content:read']);
    for (const header of [undefined, 'Bearer garbage', 'Basic abc', `Bearer ${valid}`]) {
      const res = await request(t.http).get('/api/posts').set(header ? { Authorization: header } : {});
      expect(res.status).toBe(200);
    }
    expect((await request(t.http).get('/health/live').set('Authorization', 'Bearer garbage')).status).toBe(200);
  });
});
