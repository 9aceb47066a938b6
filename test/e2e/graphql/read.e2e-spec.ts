import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';

const POST_FIELDS = `id slug title excerpt publishedAt status featured
  readingTime { minutes seconds words images }
  featureImage { url alt caption }
  tags { slug name postCount } primaryTag { slug }
  authors { slug name } primaryAuthor { slug }`;

describe('GraphQL reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lists published posts as a connection that agrees with REST', async () => {
    const { data, errors } = await gql(t, `{ posts(first: 100, page: 1) { totalCount nodes { ${POST_FIELDS} } edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } }`);
    expect(errors).toBeUndefined();
    const rest = await request(t.http).get('/api/posts?limit=100').expect(200);
    expect(data!.posts.totalCount).toBe(rest.body.meta.pagination.total);
    expect(data!.posts.nodes.map((p: any) => p.slug)).toEqual(rest.body.data.map((p: any) => p.slug));
    expect(data!.posts.edges.map((e: any) => e.node.id)).toEqual(rest.body.data.map((p: any) => p.id));
    const flagship = rest.body.data.find((p: any) => p.slug === 'the-case-for-the-long-read');
    const node = data!.posts.nodes.find((p: any) => p.slug === flagship.slug);
    expect(node.readingTime).toEqual(flagship.readingTime);
    expect(node.tags.map((x: any) => x.slug)).toEqual(flagship.tags.map((x: any) => x.slug));
    expect(node.primaryAuthor.slug).toBe(flagship.primaryAuthor.slug);
  });

  it('returns one post by slug with its body formats when asked', async () => {
    const { data, errors } = await gql(t, `{ post(slug: "the-case-for-the-long-read") { title html plaintext markdown toc { id text level } readingTime { minutes } } }`);
    expect(errors).toBeUndefined();
    expect(data!.post.readingTime.minutes).toBe(8);
    expect(data!.post.html).toContain('<figcaption>');
    expect(data!.post.markdown).toContain('## ');
    expect(data!.post.plaintext).not.toContain('<');
    expect(data!.post.toc.length).toBeGreaterThan(3);
  });

  it('hides drafts and scheduled posts: the lookup is null, without an error', async () => {
    for (const slug of ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list']) {
      const { data, errors } = await gql(t, `query($slug: String) { post(slug: $slug) { id } }`, { slug });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ post: null });
    }
  });

  it('keeps sibling fields when a single lookup finds nothing', async () => {
    const { data, errors } = await gql(
      t,
      `{ a: post(slug: "gone-for-good") { id } b: posts(first: 2) { totalCount nodes { slug } }
         c: tag(slug: "no-such-tag") { id } d: author(slug: "no-such-author") { id }
         e: author(id: "00000000-0000-4000-8000-000000000000", slug: null) { id } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.a).toBeNull();
    expect(data!.c).toBeNull();
    expect(data!.d).toBeNull();
    // An explicit null argument means "not given" (it was an INTERNAL error, found by the GraphQL fuzzer).
    expect(data!.e).toBeNull();
    expect(data!.b.totalCount).toBeGreaterThan(0);
    expect(data!.b.nodes).toHaveLength(2);
  });

  it('answers BAD_USER_INPUT for a malformed id, a bad page size and a missing argument', async () => {
    const malformed = await gql(t, `{ post(id: "nope") { id } }`);
    expect(malformed.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const badFirst = await gql(t, `{ posts(first: 101) { nodes { id } } }`);
    expect(badFirst.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const neither = await gql(t, `{ post { id } }`);
    expect(neither.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    for (const e of [malformed, badFirst, neither]) expect(JSON.stringify(e.errors)).not.toMatch(/stacktrace|prisma/i);
  });

  it('lists tags and authors, and finds them by slug', async () => {
    const { data, errors } = await gql(t, `{ tags(limit: 100) { totalCount nodes { slug postCount } } authors { nodes { slug postCount } } tag(slug: "typography") { name postCount } author(slug: "mara-okafor") { name } }`);
    expect(errors).toBeUndefined();
    const restTags = await request(t.http).get('/api/tags?limit=100').expect(200);
    expect(data!.tags.nodes).toEqual(restTags.body.data.map((x: any) => ({ slug: x.slug, postCount: x.postCount })));
    expect(data!.tag.postCount).toBe(restTags.body.data.find((x: any) => x.slug === 'typography').postCount);
    expect(data!.author.name).toBeTruthy();
  });

  it('refuses a batched request', async () => {
    const res = await request(t.http).post('/graphql').send([{ query: '{ tags { totalCount } }' }, { query: '{ tags { totalCount } }' }]);
    expect(res.status).toBe(400);
  });
});
