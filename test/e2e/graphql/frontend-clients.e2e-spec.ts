import type { AddressInfo } from 'node:net';
import { ApolloClient, gql as apolloGql, HttpLink, InMemoryCache } from '@apollo/client/core';
import { Client, fetchExchange, gql as urqlGql } from '@urql/core';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

const ARTICLE_PAGE = `
  query Page($slug: String!, $gone: String!) {
    article: post(slug: $slug) { id title readingTime { minutes } tags { slug } related(limit: 3) { slug publishedAt excerpt } }
    missing: post(slug: $gone) { id }
    latest: posts(first: 3) { totalCount nodes { slug } }
  }`;
const VARIABLES = { slug: 'the-case-for-the-long-read', gone: 'no-such-article' };

/** The GraphQL client libraries frontends use, against a real listening app. */
describe('GraphQL through Apollo Client and urql', () => {
  let t: TestApp;
  let endpoint: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    await t.app.listen(0, '127.0.0.1');
    endpoint = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t.close());

  it('Apollo Client gets a page whose one missing lookup is null, without an error', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: endpoint, fetch }), cache: new InMemoryCache() });
    const result = await client.query({ query: apolloGql(ARTICLE_PAGE), variables: VARIABLES, errorPolicy: 'none' });
    expect(result.errors).toBeUndefined();
    expect(result.data.missing).toBeNull();
    expect(result.data.article.readingTime.minutes).toBe(8);
    expect(result.data.latest.nodes).toHaveLength(3);
    await client.clearStore();
  });

  it('urql runs queries over GET (its default for queries) and gets the same page', async () => {
    const client = new Client({ url: endpoint, exchanges: [fetchExchange], preferGetMethod: true });
    const result = await client.query(urqlGql(ARTICLE_PAGE), VARIABLES, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.missing).toBeNull();
    expect(result.data.article.title).toEqual(expect.any(String));
  });

  it('answers GraphQL GET queries with Cache-Control and an ETag, and 304 on If-None-Match', async () => {
    const url = `${endpoint}?query=${encodeURIComponent('{ posts(first: 2) { nodes { slug } } }')}`;
    const accept = 'application/graphql-response+json, application/json';
    const first = await fetch(url, { headers: { accept } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/public/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    const again = await fetch(url, { headers: { 'if-none-match': etag!, accept } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('refuses mutations over GET', async () => {
    const url = `${endpoint}?query=${encodeURIComponent('mutation { deletePost(id: "00000000-0000-4000-8000-000000000000", ifMatch: "x") }')}`;
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(405);
  });
});
