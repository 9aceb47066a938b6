import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const LIMITS = {
  RATE_LIMIT_PER_MINUTE: '3',
  RATE_LIMIT_SEARCH_PER_MINUTE: '2',
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '2',
  RATE_LIMIT_TOKEN_PER_MINUTE: '5',
};

describe('rate limits', () => {
  let t: TestApp;
  // Each test plays a different client address (the proxy is trusted here), so budgets never leak between tests.
  let client = 0;
  let address: string;
  const get = (path: string) => request(t.http).get(path).set('X-Forwarded-For', address);
  const post = (path: string, body: object) => request(t.http).post(path).set('X-Forwarded-For', address).send(body);

  beforeAll(async () => {
    t = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: 'true' } });
  });
  beforeEach(() => {
    address = `198.51.100.${++client}`;
  });
  afterAll(() => t.close());

  it('never limits an SSR-style read load from one address: cache hits are not counted', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) {
      for (const path of ['/api/posts?limit=5', '/api/tags']) statuses.add((await get(path)).status);
    }
    for (let i = 0; i < 30; i++) statuses.add((await post('/graphql', { query: '{ tags { totalCount } }' })).status);
    expect([...statuses]).toEqual([200]);
  });

  it('counts public reads the cache cannot answer, with X-RateLimit headers, then 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let first!: request.Response;
    for (let i = 1; i <= 3; i++) {
      const res = await get(`/api/posts?limit=${10 + i}`);
      first ??= res;
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBeDefined();
    // The IETF fields: the read budget's policy and what is left of it.
    expect(first.headers['ratelimit-policy']).toBe('"read";q=3;w=60');
    expect(first.headers['ratelimit']).toMatch(/^"read";r=2;t=\d+$/);

    const limited = await get('/api/posts?limit=20');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit']).toMatch(/^"read";r=0;t=[1-9]\d*$/);
    // What is already cached is still served.
    expect((await get('/api/posts?limit=11')).status).toBe(200);
  });

  it('answers a rate-limited GraphQL request with HTTP 429 and Retry-After', async () => {
    for (let i = 1; i <= 3; i++) expect((await post('/graphql', { query: `{ authors(limit: ${i}) { totalCount } }` })).status).toBe(200);
    const res = await post('/graphql', { query: '{ authors(limit: 7) { totalCount } }' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(new Set(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(new Set(['RATE_LIMITED']));
  });

  it('limits searches on their own budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(`/api/search?q=word${i}`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await get('/api/search?q=word9')).headers['ratelimit-policy']).toBe('"search";q=2;w=60');
    const viaGraphQL = await post('/graphql', { query: '{ search(query: "other") { totalCount } }' });
    expect(viaGraphQL.status).toBe(429);
    // Reads have their own budget.
    expect((await get('/api/posts?limit=31')).status).toBe(200);
  });

  it('limits calls to editor routes without a valid token; bad tokens buy no fresh budget', async () => {
    const statuses: number[] = [];
    for (const header of [undefined, 'Bearer garbage', 'Bearer other-garbage']) {
      const call = post('/api/admin/posts', { title: 'x' });
      statuses.push((await (header ? call.set('Authorization', header) : call)).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
    const mutation = await post('/graphql', { query: 'mutation { deleteTag(id: "00000000-0000-0000-0000-000000000000") { id } }' });
    expect(mutation.status).toBe(429);
    // Public reads are still served to this address.
    expect((await get('/api/posts?limit=41')).status).toBe(200);
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 6; i++) expect((await get('/health/live')).status).toBe(200);
  });

  it('gives each valid token its own budget, writes included', async () => {
    const token = await issueToken(t, ['tokens:manage']);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(t.http).get('/api/admin/tokens').set(bearer(token))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    const other = await issueToken(t, ['tokens:manage']);
    expect((await request(t.http).get('/api/admin/tokens').set(bearer(other))).status).toBe(200);
  });
});

describe('rate limits for trusted clients (RATE_LIMIT_TRUSTED_CLIENTS)', () => {
  it('exempts a trusted address (an SSR server) from the read and search budgets, not from auth failures', async () => {
    const t = await createTestApp({ env: { ...LIMITS, RATE_LIMIT_TRUSTED_CLIENTS: '127.0.0.0/8,::1' } });
    try {
      const statuses = new Set<number>();
      for (let i = 0; i < 8; i++) {
        statuses.add((await request(t.http).get(`/api/posts?limit=${i + 1}`)).status);
        statuses.add((await request(t.http).get(`/api/search?q=term${i}`)).status);
      }
      expect([...statuses]).toEqual([200]);
      const writes: number[] = [];
      for (let i = 0; i < 3; i++) writes.push((await request(t.http).post('/api/admin/posts').send({ title: 'x' })).status);
      expect(writes).toEqual([401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  const spend = async (t: TestApp, forwardedFor: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Distinct searches: a repeated one would be answered by the response cache, which is never limited.
      statuses.push((await request(t.http).get(`/api/search?q=${forwardedFor}-${i}`).set('X-Forwarded-For', forwardedFor)).status);
    }
    return statuses;
  };

  it('keys anonymous budgets by the forwarded client address when the proxy is trusted', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_SEARCH_PER_MINUTE: '2', TRUST_PROXY: '1' } });
    try {
      expect(await spend(t, '203.0.113.7')).toEqual([200, 200, 429]);
      expect(await spend(t, '203.0.113.8')).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For by default, so a client cannot mint itself new budgets', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_SEARCH_PER_MINUTE: '2' } });
    try {
      expect(await spend(t, '203.0.113.7')).toEqual([200, 200, 429]);
      expect(await spend(t, '203.0.113.8')).toEqual([429, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
