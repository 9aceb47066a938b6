import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_TOKEN_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 problem details with Retry-After once an address spends its budget, across routes', async () => {
    const statuses: number[] = [];
    for (const path of ['/api/posts', '/api/tags', '/api/authors']) statuses.push((await request(t.http).get(path)).status);
    expect(statuses).toEqual([200, 200, 200]);

    const limited = await request(t.http).get('/api/posts');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Refused calls count too, and bad tokens do not buy a fresh budget.
    expectProblem(await request(t.http).get('/api/admin/tokens').set('Authorization', 'Bearer garbage'), 429, 'RATE_LIMITED');
    const gqlLimited = await gql(t, '{ tags { totalCount } authors { totalCount } }');
    // Every root field gets the same refusal (graphql-js reports the first once data collapses to null).
    expect(new Set(gqlLimited.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(gqlLimited.data ?? null).toBeNull();
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 6; i++) expect((await request(t.http).get('/health/live')).status).toBe(200);
  });

  it('gives each valid token its own, larger budget', async () => {
    const token = await issueToken(t, ['tokens:manage']);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(t.http).get('/api/admin/tokens').set(bearer(token))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    const other = await issueToken(t, ['tokens:manage']);
    expect((await request(t.http).get('/api/admin/tokens').set(bearer(other))).status).toBe(200);
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  const spend = async (t: TestApp, forwardedFor: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(t.http).get('/api/tags').set('X-Forwarded-For', forwardedFor)).status);
    return statuses;
  };

  it('keys anonymous budgets by the forwarded client address when the proxy is trusted', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' } });
    try {
      expect(await spend(t, '203.0.113.7')).toEqual([200, 200, 429]);
      expect(await spend(t, '203.0.113.8')).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For by default, so a client cannot mint itself new budgets', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      expect(await spend(t, '203.0.113.7')).toEqual([200, 200, 429]);
      expect(await spend(t, '203.0.113.8')).toEqual([429, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
