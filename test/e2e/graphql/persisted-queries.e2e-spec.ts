import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

const QUERY = '{ posts(first: 2) { nodes { slug } } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

/** Automatic persisted queries, as Apollo Client's persisted-query link uses them. */
describe('GraphQL automatic persisted queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('asks for the full query once, then answers the hash alone', async () => {
    const unknown = await request(t.http).post('/graphql').send({ extensions: apq(HASH) }).expect(200);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await request(t.http).post('/graphql').send({ query: QUERY, extensions: apq(HASH) }).expect(200);
    expect(registered.body.data.posts.nodes).toHaveLength(2);

    const byHash = await request(t.http).post('/graphql').send({ extensions: apq(HASH) }).expect(200);
    expect(byHash.body.data).toEqual(registered.body.data);
  });

  it('refuses a hash that does not match the query with BAD_REQUEST, not an internal error', async () => {
    const res = await request(t.http).post('/graphql').send({ query: QUERY, extensions: apq('0'.repeat(64)) }).expect(400);
    expect(res.body.errors[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });
});
