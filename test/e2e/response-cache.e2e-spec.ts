import request from 'supertest';
import { createDraft } from '../helpers/admin-posts';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { gql } from '../helpers/graphql';
import { expectProblem } from '../helpers/problem';
import { bearer, issueToken } from '../helpers/tokens';
import { ContentGenerationService } from '../../src/modules/response-cache/content-generation.service';
import { publishedPost, waitFor } from '../helpers/cache';

const ARTICLE = `query Article($slug: String!) { post(slug: $slug) { title slug } }`;
const getUrl = (query: string, variables?: Record<string, unknown>) =>
  `/graphql?query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`;

/**
 * The response cache in front of the app: hits are answered from stored bytes without touching the
 * database; any committed change is seen on the next request of the writing instance, and by every
 * instance within a second.
 */
describe('response cache', () => {
  let t: TestApp;
  let token: string;
  let slug: string;

  const statementsOf = async (fn: () => Promise<unknown>) => (await t.prisma.countStatements(fn)).statements;
  const restTitle = async () => (await request(t.http).get(`/api/posts/slug/${slug}`).expect(200)).body.data.title as string;
  const gqlTitle = async () => (await request(t.http).get(getUrl(ARTICLE, { slug })).expect(200)).body.data.post.title as string;

  beforeAll(async () => {
    t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false' } });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    slug = (await publishedPost(t, { title: 'The long read' })).slug;
    await waitFor(() => t.app.get(ContentGenerationService).known, 10_000);
  });
  afterAll(() => t.close());

  it('answers a repeated public REST GET byte for byte from the cache, without touching the database', async () => {
    const first = await request(t.http).get('/api/posts?limit=10').expect(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/);
    let again!: request.Response;
    expect(await statementsOf(async () => (again = await request(t.http).get('/api/posts?limit=10').expect(200)))).toBe(0);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const echoed = await request(t.http).get('/api/posts?limit=10').set('X-Request-Id', 'my-trace-1').expect(200);
    expect(echoed.headers['x-request-id']).toBe('my-trace-1');
  });

  it('answers If-None-Match with 304 from the cache, and HEAD with headers only', async () => {
    const first = await request(t.http).get('/api/tags').expect(200);
    let notModified!: request.Response;
    const statements = await statementsOf(async () => {
      notModified = await request(t.http).get('/api/tags').set('If-None-Match', first.headers.etag).expect(304);
    });
    expect(statements).toBe(0);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(first.headers.etag);
    expect(notModified.headers['cache-control']).toBe(first.headers['cache-control']);
    await request(t.http).get('/api/tags').set('If-None-Match', '"something-else"').expect(200);
    const head = await request(t.http).head('/api/tags').expect(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)));
  });

  it('keeps the content type of non-JSON responses (feeds)', async () => {
    const first = await request(t.http).get('/api/feed.xml').expect(200);
    const again = await request(t.http).get('/api/feed.xml').expect(200);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.text).toBe(first.text);
  });

  it('serves GraphQL queries over GET (no CSRF header) with Cache-Control, ETag and 304, from the cache', async () => {
    const first = await request(t.http).get(getUrl(ARTICLE, { slug })).expect(200);
    expect(first.body.data.post.slug).toBe(slug);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(first.headers.etag).toBeDefined();
    let again!: request.Response;
    expect(await statementsOf(async () => (again = await request(t.http).get(getUrl(ARTICLE, { slug })).expect(200)))).toBe(0);
    expect(again.text).toBe(first.text);
    const statements = await statementsOf(() =>
      request(t.http).get(getUrl(ARTICLE, { slug })).set('If-None-Match', first.headers.etag).expect(304),
    );
    expect(statements).toBe(0);
  });

  it('refuses mutations over GET', async () => {
    const res = await request(t.http).get(getUrl('mutation { deleteTag(id: "00000000-0000-0000-0000-000000000000") { id } }'));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers a repeated anonymous GraphQL POST from the cache without touching the database', async () => {
    const first = await gql(t, ARTICLE, { slug });
    expect(first.errors).toBeUndefined();
    let again!: Awaited<ReturnType<typeof gql>>;
    expect(await statementsOf(async () => (again = await gql(t, ARTICLE, { slug })))).toBe(0);
    expect(again.data).toEqual(first.data);
  });

  it('answers a malformed GraphQL POST body as before (400 problem details)', async () => {
    const res = await request(t.http).post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('never serves or stores a response for a request with a token', async () => {
    await request(t.http).get('/api/posts?limit=10').expect(200);
    let withToken!: request.Response;
    const statements = await statementsOf(async () => {
      withToken = await request(t.http).get('/api/posts?limit=10').set(bearer(token)).expect(200);
    });
    expect(statements).toBeGreaterThan(0);
    expect(withToken.headers['cache-control']).toBe('private, no-store');
    const viaGraphQL = await gql(t, ARTICLE, { slug }, bearer(token));
    expect(viaGraphQL.errors).toBeUndefined();
  });

  it('never caches drafts: a token preview is not what the next anonymous caller gets', async () => {
    const { id } = await createDraft(t, token, { title: 'Secret draft' });
    const preview = await request(t.http).get(`/api/admin/posts/${id}`).set(bearer(token)).expect(200);
    expect(preview.body.data.title).toBe('Secret draft');
    expect((await gql(t, `{ post(id: "${id}") { title } }`, undefined, bearer(token))).data?.post?.title ?? null).not.toBe('Secret draft');
    await request(t.http).get(`/api/posts/${id}`).expect(404);
    await request(t.http).get(`/api/admin/posts/${id}`).expect(401);
    expect((await gql(t, `{ post(id: "${id}") { title } }`)).data?.post ?? null).toBeNull();
    const listed = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data.map((p: { id: string }) => p.id);
    expect(listed).not.toContain(id);
  });

  it('shows a change made through the editor API on the very next request (read-your-writes), on both transports', async () => {
    expect(await restTitle()).toBe(await gqlTitle());
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug } });
    const etag = (await request(t.http).get(`/api/admin/posts/${post.id}`).set(bearer(token)).expect(200)).headers.etag;
    await request(t.http).patch(`/api/admin/posts/${post.id}`).set(bearer(token)).set('If-Match', etag).send({ title: 'A new title' }).expect(200);
    expect(await restTitle()).toBe('A new title');
    expect(await gqlTitle()).toBe('A new title');

    const mutation = `mutation($id: ID!, $version: Int!) { updatePost(id: $id, version: $version, input: { title: "Newer title" }) { title } }`;
    const version = (await t.prisma.post.findUniqueOrThrow({ where: { slug } })).version;
    const updated = await gql(t, mutation, { id: post.id, version }, bearer(token));
    if (updated.errors) throw new Error(JSON.stringify(updated.errors));
    expect(await gqlTitle()).toBe('Newer title');
    expect(await restTitle()).toBe('Newer title');
  });

  it('shows a change committed straight in SQL (an operator, another instance) within a second', async () => {
    await restTitle();
    const generation = t.app.get(ContentGenerationService);
    const before = generation.current;
    await t.prisma.$executeRaw`UPDATE posts SET title = 'Changed behind the API' WHERE slug = ${slug}`;
    await waitFor(() => generation.current > before, 1000);
    expect(await restTitle()).toBe('Changed behind the API');
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

  it('bumps and announces the generation once per committed transaction, never for a rolled-back one', async () => {
    const read = async () => (await t.prisma.contentGeneration.findUniqueOrThrow({ where: { id: true } })).value;
    const generation = t.app.get(ContentGenerationService);
    const start = await read();
    await t.prisma.$transaction([
      t.prisma.tag.create({ data: { slug: 'cache-gen-a', name: 'Cache gen A' } }),
      t.prisma.tag.create({ data: { slug: 'cache-gen-b', name: 'Cache gen B' } }),
    ]);
    expect(await read()).toBe(start + 1n);
    await waitFor(() => generation.current === Number(start + 1n), 1000);

    await request(t.http).get('/api/tags?limit=50').expect(200);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.tag.create({ data: { slug: 'cache-gen-c', name: 'Cache gen C' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await read()).toBe(start + 1n);
    expect(generation.current).toBe(Number(start + 1n));
    expect(await statementsOf(() => request(t.http).get('/api/tags?limit=50').expect(200))).toBe(0);
  });
});

describe('response cache turned off (RESPONSE_CACHE_MB=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false', RESPONSE_CACHE_MB: '0' } });
  });
  afterAll(() => t.close());

  it('reads the database on every request', async () => {
    await request(t.http).get('/api/posts?limit=3').expect(200);
    const { statements } = await t.prisma.countStatements(() => request(t.http).get('/api/posts?limit=3').expect(200));
    expect(statements).toBeGreaterThan(0);
  });
});
