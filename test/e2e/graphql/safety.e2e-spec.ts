import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse, validate } from 'graphql';
import request from 'supertest';
import { GRAPHQL_LIMITS } from '../../../src/common/graphql/graphql-options';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';

// What an article page renders: the post, its tags and authors, and a related-posts footer.
const ARTICLE_PAGE = `query ArticlePage($slug: String!) {
  post(slug: $slug) {
    id slug title excerpt customExcerpt featured publishedAt updatedAt canonicalUrl html
    toc { id text level }
    readingTime { minutes words images seconds }
    featureImage { url alt caption }
    seo { title description ogImage twitterImage }
    primaryTag { slug name }
    tags { id slug name description }
    primaryAuthor { slug name avatarUrl }
    authors { id slug name bio avatarUrl website }
    related(limit: 3) {
      id slug title excerpt publishedAt
      readingTime { minutes }
      featureImage { url alt }
      primaryTag { slug name }
      tags { slug name }
    }
  }
}`;

const expectRefused = (res: request.Response, code: RegExp) => {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.body.data ?? undefined).toBeUndefined();
  expect(res.body.errors[0].extensions.code).toMatch(code);
  return res.body.errors[0].message as string;
};
const post = (t: TestApp, query: string) => request(t.http).post('/graphql').send({ query });
const PROD = { NODE_ENV: 'production', SCHEDULER_ENABLED: 'false', WEBHOOKS_ENABLED: 'false' };

describe('GraphQL safety limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('serves the real article-page query at well under a quarter of every limit', async () => {
    const { data, errors } = await gql(t, ARTICLE_PAGE, { slug: 'the-case-for-the-long-read' });
    expect(errors).toBeUndefined();
    expect(data!.post.related).toHaveLength(3);
    let cost = Infinity;
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const onAccept = [(_: unknown, { n }: { n: number }) => void (cost = n)];
    expect(validate(schema, parse(ARTICLE_PAGE), [costLimitRule({ maxCost: GRAPHQL_LIMITS.maxCost, onAccept })])).toEqual([]);
    expect(cost).toBeLessThan(GRAPHQL_LIMITS.maxCost / 4);
    const tokens = ARTICLE_PAGE.match(/[A-Za-z_$][\w]*|[{}():!$]/g)!.length;
    expect(tokens).toBeLessThan(GRAPHQL_LIMITS.maxTokens / 4);
  });

  it('refuses a query deeper than the depth limit', async () => {
    const deep = `{ posts { nodes { related { related { related { related { related { related { related { slug } } } } } } } } } }`;
    const message = expectRefused(await post(t, deep), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(message).toMatch(/depth/i);
  });

  it('refuses more aliases than the alias limit', async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: tags { totalCount }`).join(' ');
    const message = expectRefused(await post(t, `{ ${aliases} }`), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(message).toMatch(/alias/i);
  });

  it('refuses a document with more tokens than the token limit', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'totalCount').join(' ');
    const message = expectRefused(await post(t, `{ tags { ${fields} } }`), /GRAPHQL_PARSE_FAILED/);
    expect(message).toMatch(/token/i);
  });

  it('refuses a query whose estimated cost is over the cost limit', async () => {
    const card = 'id slug title excerpt publishedAt readingTime { minutes } featureImage { url alt } tags { slug name } authors { slug name }';
    const costly = `{ posts(first: 100) { nodes { ${card} related(limit: 10) { ${card} related(limit: 10) { ${card} } } } } }`;
    const message = expectRefused(await post(t, costly), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(message).toMatch(/cost/i);
  });

  it('refuses a batched request', async () => {
    const res = await request(t.http).post('/graphql').send([{ query: '{ tags { totalCount } }' }, { query: '{ tags { totalCount } }' }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body ?? res.text)).not.toMatch(/totalCount":\d/);
  });

  it('serves queries over plain GET (no CSRF header needed), refuses mutations over GET and non-JSON bodies', async () => {
    // No ambient credentials (tokens never travel in cookies), so CSRF prevention is off: see README "GraphQL".
    const get = await request(t.http).get('/graphql').query({ query: '{ tags { totalCount } }' });
    expect(get.status).toBe(200);
    expect(get.body.data.tags.totalCount).toBeGreaterThan(0);
    const mutation = await request(t.http).get('/graphql').query({ query: 'mutation { deleteTag(id: "x") { id } }' });
    expect(mutation.status).toBeGreaterThanOrEqual(400);
    expect(mutation.status).toBeLessThan(500);
    const form = await request(t.http).post('/graphql').type('form').send({ query: 'mutation { deleteTag(id: "x") { id } }' });
    expect(form.status).toBe(415);
    const text = await request(t.http).post('/graphql').set('Content-Type', 'text/plain').send(JSON.stringify({ query: '{ tags { totalCount } }' }));
    expect(text.status).toBe(415);
  });

  it('allows introspection and field suggestions outside production', async () => {
    const { data } = await gql(t, '{ __schema { queryType { name } } }');
    expect(data!.__schema.queryType.name).toBe('Query');
    const res = await post(t, '{ tagz { totalCount } }');
    expect(res.body.errors[0].message).toMatch(/Did you mean/);
  });
});

describe('GraphQL introspection and suggestions in production', () => {
  it('are off by default', async () => {
    const t = await createTestApp({ env: PROD });
    try {
      const introspection = await post(t, '{ __schema { queryType { name } } }');
      expectRefused(introspection, /GRAPHQL_VALIDATION_FAILED/);
      const typo = await post(t, '{ tagz { totalCount } }');
      expect(typo.status).toBe(400);
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    } finally {
      await t.close();
    }
  });

  it('are on with GRAPHQL_INTROSPECTION=true', async () => {
    const t = await createTestApp({ env: { ...PROD, GRAPHQL_INTROSPECTION: 'true' } });
    try {
      const { data, errors } = await gql(t, '{ __schema { queryType { name } } }');
      expect(errors).toBeUndefined();
      expect(data!.__schema.queryType.name).toBe('Query');
      expect((await post(t, '{ tagz { totalCount } }')).body.errors[0].message).toMatch(/Did you mean/);
    } finally {
      await t.close();
    }
  });
});
