import request from 'supertest';
import { createDraft } from '../helpers/admin-posts';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { gql } from '../helpers/graphql';
import { bearer, issueToken } from '../helpers/tokens';

const FLAGSHIP = 'the-case-for-the-long-read';
const ARTICLE = `query Article($slug: String!) { post(slug: $slug) { title tags { slug } related(limit: 3) { slug } } }`;

/**
 * The in-process response caches: a repeated public request costs one statement (the content
 * generation), and any committed change (through the API, or straight in SQL) is visible to the
 * very next request, on REST and GraphQL alike.
 */
describe('response cache', () => {
  let t: TestApp;
  let token: string;

  const statementsOf = async (fn: () => Promise<unknown>) => (await t.prisma.countStatements(fn)).statements;
  const titleOf = async () => (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200)).body.data.title as string;
  const gqlTitle = async () => (await gql(t, ARTICLE, { slug: FLAGSHIP })).data!.post.title as string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, env: { SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false' } });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
  });
  afterAll(() => t.close());

  it('answers a repeated public REST GET from the cache with one statement, byte for byte the same', async () => {
    const first = await request(t.http).get('/api/posts?limit=10&tag=reading').expect(200);
    let again!: request.Response;
    const statements = await statementsOf(async () => {
      again = await request(t.http).get('/api/posts?limit=10&tag=reading').expect(200);
    });
    expect(statements).toBe(1);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    await request(t.http).get('/api/posts?limit=10&tag=reading').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('keeps the content type of non-JSON responses (feeds)', async () => {
    const first = await request(t.http).get('/api/feed.xml').expect(200);
    const again = await request(t.http).get('/api/feed.xml').expect(200);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.text).toBe(first.text);
  });

  it('answers a repeated anonymous GraphQL query from the cache with one statement', async () => {
    const first = await gql(t, ARTICLE, { slug: FLAGSHIP });
    expect(first.errors).toBeUndefined();
    let again!: Awaited<ReturnType<typeof gql>>;
    const statements = await statementsOf(async () => {
      again = await gql(t, ARTICLE, { slug: FLAGSHIP });
    });
    expect(statements).toBe(1);
    expect(again.data).toEqual(first.data);
  });

  it('shows a change made through the editor API on the very next request, on both transports', async () => {
    const before = await titleOf();
    expect(await gqlTitle()).toBe(before);
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug: FLAGSHIP } });
    const etag = (await request(t.http).get(`/api/admin/posts/${post.id}`).set(bearer(token)).expect(200)).headers.etag;
    await request(t.http).patch(`/api/admin/posts/${post.id}`).set(bearer(token)).set('If-Match', etag).send({ title: 'A new title for the long read' }).expect(200);
    expect(await titleOf()).toBe('A new title for the long read');
    expect(await gqlTitle()).toBe('A new title for the long read');
  });

  it('shows a change committed straight in SQL (another instance, an operator) on the next request', async () => {
    await titleOf();
    await t.prisma.$executeRaw`UPDATE posts SET title = 'Changed behind the API' WHERE slug = ${FLAGSHIP}`;
    expect(await titleOf()).toBe('Changed behind the API');
    expect(await gqlTitle()).toBe('Changed behind the API');
  });

  it('never serves a cached public answer about a post that has since been unpublished', async () => {
    const { id } = await createDraft(t, token, { title: 'Briefly public' });
    await request(t.http).post(`/api/admin/posts/${id}/publish`).set(bearer(token)).send({}).expect(200);
    await request(t.http).get(`/api/posts/${id}`).expect(200);
    const listed = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data.map((p: { id: string }) => p.id);
    expect(listed).toContain(id);
    await request(t.http).post(`/api/admin/posts/${id}/unpublish`).set(bearer(token)).send({}).expect(200);
    await request(t.http).get(`/api/posts/${id}`).expect(404);
    const after = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data.map((p: { id: string }) => p.id);
    expect(after).not.toContain(id);
  });

  it('bumps the generation once per committed transaction, and not for a rolled-back one', async () => {
    const read = async () => (await t.prisma.contentGeneration.findUniqueOrThrow({ where: { id: true } })).value;
    const start = await read();
    await t.prisma.$transaction([
      t.prisma.tag.create({ data: { slug: 'cache-gen-a', name: 'Cache gen A' } }),
      t.prisma.tag.create({ data: { slug: 'cache-gen-b', name: 'Cache gen B' } }),
    ]);
    expect(await read()).toBe(start + 1n);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.tag.create({ data: { slug: 'cache-gen-c', name: 'Cache gen C' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await read()).toBe(start + 1n);
  });
});

describe('response cache turned off (RESPONSE_CACHE_MB=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, env: { SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false', RESPONSE_CACHE_MB: '0' } });
  });
  afterAll(() => t.close());

  it('reads the database on every request', async () => {
    await request(t.http).get('/api/posts?limit=3').expect(200);
    const { statements } = await t.prisma.countStatements(() => request(t.http).get('/api/posts?limit=3').expect(200));
    expect(statements).toBeGreaterThan(1);
  });
});
