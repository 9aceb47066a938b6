import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { childText, findAll, parseXml } from '../../helpers/xml';

const HIDDEN_SLUGS = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];
const SITE = 'https://journal.example';
const published = { kind: 'post' as const, status: 'PUBLISHED' as const, publishedAt: { lte: new Date() } };

describe('feeds and sitemap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, env: { SITE_URL: SITE, POST_URL_PATTERN: '/articles/{slug}/' } });
  });
  afterAll(() => t.close());

  const noHiddenPost = (body: string) => {
    for (const slug of HIDDEN_SLUGS) expect(body).not.toContain(slug);
  };

  describe('GET /api/feed.xml', () => {
    it('is a well-formed RSS 2.0 document of the published posts, newest first, with public post URLs', async () => {
      const res = await request(t.http).get('/api/feed.xml').expect(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const rss = parseXml(res.text);
      expect(rss.name).toBe('rss');
      expect(rss.attributes.version).toBe('2.0');
      const items = findAll(rss, 'item');
      const posts = await t.prisma.post.findMany({ where: published, orderBy: { publishedAt: 'desc' }, take: 20 });
      expect(items.map((i) => childText(i, 'link'))).toEqual(posts.map((p) => `${SITE}/articles/${p.slug}/`));
      expect(items.map((i) => childText(i, 'guid'))).toEqual(posts.map((p) => `urn:uuid:${p.id}`));
      expect(childText(items[0], 'content:encoded')).toContain('<p>');
      noHiddenPost(res.text);
    });

    it('filters by tag, and answers 404 for an unknown tag and 400 for a malformed one or an unknown parameter', async () => {
      const res = await request(t.http).get('/api/feed.xml?tag=long-form').expect(200);
      const links = findAll(parseXml(res.text), 'item').map((i) => childText(i, 'link'));
      const tagged = await t.prisma.post.findMany({ where: { ...published, tags: { some: { tag: { slug: 'long-form' } } } } });
      expect(links.sort()).toEqual(tagged.map((p) => `${SITE}/articles/${p.slug}/`).sort());
      noHiddenPost(res.text);
      expectProblem(await request(t.http).get('/api/feed.xml?tag=no-such-tag'), 404, 'NOT_FOUND');
      expectProblem(await request(t.http).get('/api/feed.xml?tag=Bad_Tag'), 400, 'VALIDATION_FAILED');
      const unknown = expectProblem(await request(t.http).get('/api/feed.xml?format=atom'), 400, 'VALIDATION_FAILED');
      expect(unknown.errors).toEqual([{ field: 'format', message: 'unknown parameter "format"' }]);
    });

    it('is publicly cacheable with a strong ETag and answers 304 to If-None-Match', async () => {
      const res = await request(t.http).get('/api/feed.xml').expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
      expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      await request(t.http).get('/api/feed.xml').set('If-None-Match', res.headers.etag).expect(304);
    });
  });

  describe('GET /api/feed.json', () => {
    it('is a JSON Feed 1.1 of the published posts with authors, tags and dates', async () => {
      const res = await request(t.http).get('/api/feed.json').expect(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      expect(res.headers['cache-control']).toMatch(/^public, /);
      const feed = JSON.parse(res.text);
      expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', home_page_url: `${SITE}/`, feed_url: `${SITE}/api/feed.json` });
      const count = await t.prisma.post.count({ where: published });
      expect(feed.items).toHaveLength(Math.min(count, 20));
      const flagship = feed.items.find((i: any) => i.url === `${SITE}/articles/the-case-for-the-long-read/`);
      expect(flagship).toMatchObject({
        id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
        title: expect.any(String),
        summary: expect.any(String),
        content_html: expect.stringContaining('<h2'),
        date_published: expect.stringMatching(/Z$/),
        date_modified: expect.stringMatching(/Z$/),
        authors: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]),
        tags: expect.arrayContaining(['Long-form']),
      });
      noHiddenPost(res.text);
    });

    it('filters by tag and rejects an unknown tag with 404', async () => {
      const res = await request(t.http).get('/api/feed.json?tag=typography').expect(200);
      const feed = JSON.parse(res.text);
      expect(feed.items.length).toBeGreaterThan(0);
      expect(feed.feed_url).toBe(`${SITE}/api/feed.json?tag=typography`);
      for (const item of feed.items) expect(item.tags).toContain('Typography');
      expectProblem(await request(t.http).get('/api/feed.json?tag=nope'), 404, 'NOT_FOUND');
    });
  });

  describe('post urls', () => {
    it('are the same website URL in the feeds, every REST post shape and GraphQL', async () => {
      const slug = 'the-case-for-the-long-read';
      const expected = `${SITE}/articles/${slug}/`;
      const feed = JSON.parse((await request(t.http).get('/api/feed.json').expect(200)).text);
      expect(feed.items.map((i: { url: string }) => i.url)).toContain(expected);
      expect((await request(t.http).get(`/api/posts/slug/${slug}`).expect(200)).body.data.url).toBe(expected);
      const listed = (await request(t.http).get('/api/posts?limit=100&fields=slug,url').expect(200)).body.data;
      expect(listed.find((p: { slug: string }) => p.slug === slug)).toEqual({ id: expect.any(String), slug, url: expected });
      const search = (await request(t.http).get('/api/search?q=%22long%20read%22').expect(200)).body.data;
      expect(search.find((h: { post: { slug: string } }) => h.post.slug === slug).post.url).toBe(expected);
      const related = (await request(t.http).get('/api/posts/slug/the-hundred-page-habit/related?limit=10').expect(200)).body.data;
      for (const r of related) expect(r.url).toBe(`${SITE}/articles/${r.slug}/`);
      const graphql = await request(t.http).post('/graphql').send({ query: `{ post(slug: "${slug}") { url related(limit: 1) { slug url } } }` }).expect(200);
      expect(graphql.body.data.post.url).toBe(expected);
      const [first] = graphql.body.data.post.related;
      expect(first.url).toBe(`${SITE}/articles/${first.slug}/`);
    });
  });

  describe('with the API on its own origin (API_URL) and a site title (SITE_TITLE)', () => {
    let other: TestApp;
    beforeAll(async () => {
      other = await createTestApp({ seed: true, env: { SITE_URL: SITE, SITE_TITLE: 'The Slow Journal', API_URL: 'https://api.journal.example/' } });
    });
    afterAll(() => other.close());

    it('points the feeds\' self links at the API and titles them after the site', async () => {
      const json = JSON.parse((await request(other.http).get('/api/feed.json?tag=typography').expect(200)).text);
      expect(json).toMatchObject({ title: 'Typography · The Slow Journal', home_page_url: `${SITE}/`, feed_url: 'https://api.journal.example/api/feed.json?tag=typography' });
      const rss = (await request(other.http).get('/api/feed.xml').expect(200)).text;
      expect(rss).toContain('https://api.journal.example/api/feed.xml');
      expect(childText(findAll(parseXml(rss), 'channel')[0], 'title')).toBe('The Slow Journal');
    });
  });

  describe('GET /api/sitemap.xml', () => {
    it('lists the home page and every published post and page with lastmod = updatedAt, and nothing unpublished', async () => {
      const res = await request(t.http).get('/api/sitemap.xml').expect(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(res.headers['cache-control']).toMatch(/^public, /);
      const urlset = parseXml(res.text);
      expect(urlset.name).toBe('urlset');
      expect(urlset.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const urls = findAll(urlset, 'url').map((u) => ({ loc: childText(u, 'loc'), lastmod: childText(u, 'lastmod') }));
      const posts = await t.prisma.post.findMany({ where: published });
      expect(urls).toContainEqual({ loc: `${SITE}/`, lastmod: undefined });
      for (const post of posts) {
        expect(urls).toContainEqual({ loc: `${SITE}/articles/${post.slug}/`, lastmod: post.updatedAt.toISOString() });
      }
      // Pages are in the sitemap (not in the feeds), at PAGE_URL_PATTERN (default /{slug}/).
      const pages = await t.prisma.post.findMany({ where: { ...published, kind: 'page' } });
      expect(pages.map((p) => p.slug)).toContain('about');
      for (const page of pages) expect(urls).toContainEqual({ loc: `${SITE}/${page.slug}/`, lastmod: page.updatedAt.toISOString() });
      expect(urls).toHaveLength(posts.length + pages.length + 1);
      noHiddenPost(res.text);
    });

    it('rejects unknown parameters with 400', async () => {
      const problem = expectProblem(await request(t.http).get('/api/sitemap.xml?page=2'), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([{ field: 'page', message: 'unknown parameter "page"' }]);
    });
  });
});
