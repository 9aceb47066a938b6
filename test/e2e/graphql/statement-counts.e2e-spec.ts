import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';

const PAGE = (first: number, extra = '') => `{ posts(first: ${first}) { nodes {
  id title ${extra}
  tags { slug name } primaryTag { slug } authors { slug name } primaryAuthor { slug }
  related(limit: 3) { id slug tags { slug } }
} } }`;

/** Proves "no N+1" by counting the SQL statements each request sends. */
describe('statement counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing else may talk to the database while statements are counted. The response cache is off:
    // these tests measure what a cache miss costs (test/e2e/response-cache.e2e-spec.ts covers hits).
    t = await createTestApp({ seed: true, env: { SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false', RESPONSE_CACHE_MB: '0' } });
    const tags = await t.prisma.tag.findMany({ select: { id: true } });
    const authors = await t.prisma.author.findMany({ select: { id: true } });
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 60; i += 1) {
      const text = `Bulk note ${i} about reading and writing long pieces`;
      await t.prisma.post.create({
        data: {
          slug: `bulk-note-${i}`,
          title: `Bulk note ${i}`,
          html: `<p>${text}</p>`,
          plaintext: text,
          excerpt: text,
          status: 'PUBLISHED',
          publishedAt: new Date(base + i * 3_600_000),
          tags: { create: [0, 1].map((k) => ({ position: k, tagId: tags[(i + k * 2) % tags.length].id })) },
          authors: { create: [{ position: 0, authorId: authors[i % authors.length].id }] },
        },
      });
    }
    await t.prisma.$executeRaw`SELECT refresh_all_related_posts()`;
  });
  afterAll(() => t.close());

  async function statementsOf(run: () => Promise<unknown>): Promise<number> {
    await run(); // warm-up: the first request of a kind may prepare things once
    return (await t.prisma.countStatements(run)).statements;
  }

  async function graphql(query: string) {
    const res = await gql(t, query);
    expect(res.errors).toBeUndefined();
    return res.data as any;
  }

  it('costs the same few statements for a GraphQL page of 5 and of 50 posts with tags, authors and related posts', async () => {
    const small = await statementsOf(() => graphql(PAGE(5)));
    const large = await statementsOf(() => graphql(PAGE(50)));
    const data = await graphql(PAGE(50));
    expect(data.posts.nodes).toHaveLength(50);
    expect(data.posts.nodes.every((p: any) => p.related.length === 3 && p.related.every((r: any) => r.tags.length > 0))).toBe(true);
    expect(large).toBe(small);
    // The page (tags and authors aggregated in it) and the related lists (with their tags): 2.
    expect(small).toBe(2);
  });

  it('reads post bodies only when a body field is selected, in one extra statement', async () => {
    const without = await statementsOf(() => graphql(PAGE(20)));
    const withHtml = await statementsOf(() => graphql(PAGE(20, 'html')));
    const withAllBodies = await statementsOf(() => graphql(PAGE(20, 'html plaintext markdown toc { id }')));
    expect(withHtml).toBe(without + 1);
    expect(withAllBodies).toBe(without + 1);
  });

  it('costs the same for a REST list of 5 and of 50 posts', async () => {
    const small = await statementsOf(() => request(t.http).get('/api/posts?limit=5').expect(200));
    const large = await statementsOf(() => request(t.http).get('/api/posts?limit=50').expect(200));
    expect(large).toBe(small);
    expect(small).toBe(1); // the page with its tags and authors, and the total, in one statement
    // Past the last page there is no row to carry the total: it is counted on its own.
    expect(await statementsOf(() => request(t.http).get('/api/posts?limit=50&page=999').expect(200))).toBe(2);
    const cursorMode = await statementsOf(() => request(t.http).get('/api/posts?limit=50&cursor=').expect(200));
    expect(cursorMode).toBe(1);
  });

  it('reads one post, with tags and authors, in one statement', async () => {
    expect(await statementsOf(() => request(t.http).get('/api/posts/slug/bulk-note-3').expect(200))).toBe(1);
    expect(await statementsOf(() => graphql('{ post(slug: "bulk-note-3") { id tags { slug postCount } authors { slug postCount } } }'))).toBe(1);
    // A single document's read carries its body: the body fields read it there, not through the loader.
    const bodies = '{ post(slug: "bulk-note-3") { url html plaintext markdown toc { id } primaryTag { slug } } page(slug: "about") { url html toc { id } } }';
    expect(await statementsOf(() => graphql(bodies))).toBe(2);
    const data = await graphql(bodies);
    const rest = (await request(t.http).get('/api/posts/slug/bulk-note-3?formats=html,plaintext,markdown').expect(200)).body.data;
    expect(data.post).toMatchObject({ url: rest.url, html: rest.html, plaintext: rest.plaintext, markdown: rest.markdown, toc: rest.toc.map((e: { id: string }) => ({ id: e.id })) });
    expect(data.post.primaryTag).toEqual({ slug: rest.tags[0].slug });
  });

  it('costs the same for tags and authors with their posts, whatever the number of owners', async () => {
    const listing = (n: number) =>
      `{ tags(limit: ${n}) { nodes { slug posts(first: 3) { totalCount nodes { id tags { slug } related(limit: 2) { id } } } } }
         authors(limit: ${n}) { nodes { slug posts(first: 3) { nodes { id authors { slug } } } } } }`;
    const one = await statementsOf(() => graphql(listing(1)));
    const all = await statementsOf(() => graphql(listing(100)));
    const data = await graphql(listing(100));
    expect(data.tags.nodes.length).toBeGreaterThan(3);
    expect(all).toBe(one);
    expect(one).toBe(5); // tags, Tag.posts, related of those posts, authors, Author.posts
  });

  it('costs a constant number of statements for a search page with tags and related posts', async () => {
    const q = (first: number) => `{ search(query: "bulk note", first: ${first}) { nodes { rank post { id tags { slug } related { id } } } } }`;
    expect(await statementsOf(() => graphql(q(50)))).toBe(await statementsOf(() => graphql(q(2))));
    expect(await statementsOf(() => graphql(q(2)))).toBe(2); // hits with total, tags and authors; related
    const rest = (limit: number) => request(t.http).get(`/api/search?q=bulk+note&limit=${limit}`).expect(200);
    expect(await statementsOf(() => rest(50))).toBe(await statementsOf(() => rest(2)));
    expect(await statementsOf(() => rest(2))).toBe(1);
  });

  it('reads library feature images in the same statement, for posts, lists and pages', async () => {
    const media = await t.prisma.media.create({
      data: { storageKey: 'counted/original.png', filename: 'counted.png', mimeType: 'image/png', bytes: 10, width: 800, height: 600, sha256: 'b'.repeat(64) },
    });
    await t.prisma.post.updateMany({ where: { slug: { in: ['bulk-note-3', 'bulk-note-4', 'about'] } }, data: { featureImageMediaId: media.id } });
    const one = await request(t.http).get('/api/posts/slug/bulk-note-3').expect(200);
    expect(one.body.data.featureImage).toMatchObject({ mediaId: media.id, width: 800, height: 600 });
    expect(await statementsOf(() => request(t.http).get('/api/posts/slug/bulk-note-3').expect(200))).toBe(1);
    expect(await statementsOf(() => request(t.http).get('/api/pages/slug/about').expect(200))).toBe(1);
    expect(await statementsOf(() => request(t.http).get('/api/posts?limit=50&cursor=').expect(200))).toBe(1);
    expect(await statementsOf(() => graphql('{ a: post(slug: "bulk-note-4") { featureImage { width srcset } } b: page(slug: "about") { featureImage { width } } }'))).toBe(2);
  });
});
