import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';

const HIDDEN_SLUGS = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];
const FLAGSHIP = 'the-case-for-the-long-read';

describe('REST /api/posts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lists published posts newest first in the list envelope, with tags, authors and reading time', async () => {
    const res = await request(t.http).get('/api/posts').expect(200);
    const posts = res.body.data as any[];
    expect(posts.length).toBeGreaterThanOrEqual(5);
    const dates = posts.map((p) => Date.parse(p.publishedAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const post of posts) {
      expect(post.status).toBe('PUBLISHED');
      expect(post.readingTime.minutes).toBeGreaterThanOrEqual(1);
      expect(typeof post.excerpt).toBe('string');
      expect(Array.isArray(post.tags)).toBe(true);
      expect(post.authors.length).toBeGreaterThan(0);
      expect(post.primaryAuthor).toEqual(post.authors[0]);
      expect(post).not.toHaveProperty('html');
    }
    const published = await t.prisma.post.count({ where: { kind: 'post', status: 'PUBLISHED', publishedAt: { lte: new Date() } } });
    expect(res.body.meta.pagination).toEqual({ limit: 15, page: 1, pages: 1, total: published, next: null, prev: null });
  });

  it('never lists drafts or scheduled posts', async () => {
    const res = await request(t.http).get('/api/posts?limit=100').expect(200);
    const slugs = (res.body.data as any[]).map((p) => p.slug);
    for (const hidden of HIDDEN_SLUGS) expect(slugs).not.toContain(hidden);
    expect(res.body.meta.pagination.total).toBe(slugs.length);
  });

  it('paginates by page with limit', async () => {
    const first = await request(t.http).get('/api/posts?limit=2&page=1').expect(200);
    const second = await request(t.http).get('/api/posts?limit=2&page=2').expect(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.meta.pagination).toMatchObject({ limit: 2, page: 1, next: 2, prev: null });
    expect(second.body.meta.pagination).toMatchObject({ page: 2, prev: 1 });
    const ids = [...first.body.data, ...second.body.data].map((p: any) => p.id);
    expect(new Set(ids).size).toBe(4);
  });

  it.each(['0', '101', 'abc', '1.5', '-3'])('rejects limit=%s with 400 problem details naming the parameter', async (limit) => {
    const res = await request(t.http).get(`/api/posts?limit=${limit}`);
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain('limit');
  });

  it('rejects an unknown query parameter with 400 naming it', async () => {
    const res = await request(t.http).get('/api/posts?colour=blue');
    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'colour', message: 'unknown parameter "colour"' }]);
  });

  it('returns one post by id with its html body and table of contents', async () => {
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug: FLAGSHIP } });
    const res = await request(t.http).get(`/api/posts/${post.id}`).expect(200);
    expect(res.body.data.id).toBe(post.id);
    expect(res.body.data.html).toContain('<h2 id=');
    expect(res.body.data.toc.length).toBeGreaterThan(3);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expectProblem(await request(t.http).get('/api/posts/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/posts/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('serves the long-form reference article with everything its page needs', async () => {
    const res = await request(t.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200);
    const post = res.body.data;
    expect(post.readingTime.minutes).toBe(8);
    expect(post.readingTime.images).toBe(1);
    expect(post.readingTime.words).toBeGreaterThan(1500);
    expect(post.html).toMatch(/<figure>[\s\S]*<img [^>]*src="https?:\/\/[^"]+\/media\/[^"]+\.jpg" [^>]*srcset="[^"]+"[\s\S]*<figcaption>[^<]+<\/figcaption>[\s\S]*<\/figure>/);
    expect(post.html).toContain('<blockquote>');
    expect(post.html).toContain('<ul>');
    expect(post.toc.every((e: any) => post.html.includes(`id="${e.id}"`))).toBe(true);
    expect(post.primaryTag).toEqual(post.tags[0]);
    expect(post.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it.each(HIDDEN_SLUGS)('answers 404 for the unpublished post %s, by slug and by id', async (slug) => {
    expectProblem(await request(t.http).get(`/api/posts/slug/${slug}`), 404, 'NOT_FOUND');
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug } });
    expectProblem(await request(t.http).get(`/api/posts/${post.id}`), 404, 'NOT_FOUND');
  });

  it('answers 404 problem details for an unknown slug and 400 for a malformed one', async () => {
    expectProblem(await request(t.http).get('/api/posts/slug/no-such-post'), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/api/posts/slug/Not_A_Slug'), 400, 'VALIDATION_FAILED');
  });

  it('never lets a cache keep an error answer of a public read', async () => {
    // The public Cache-Control is decided before the handler runs; an error answer must replace it.
    for (const path of ['/api/posts/slug/no-such-post', '/api/posts/slug/Not_A_Slug', '/api/posts?colour=blue']) {
      const res = await request(t.http).get(path);
      expect({ path, status: res.status >= 400, cache: res.headers['cache-control'] }).toEqual({ path, status: true, cache: 'no-store' });
    }
  });

  it('redirects an old slug with 301 to the current one', async () => {
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug: FLAGSHIP } });
    await t.prisma.postSlugHistory.create({ data: { slug: 'the-long-read-old', postId: post.id } });
    const res = await request(t.http).get('/api/posts/slug/the-long-read-old').expect(301);
    expect(res.headers.location).toBe(`/api/posts/slug/${FLAGSHIP}`);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('sends a strong ETag and public Cache-Control, and 304 for a matching If-None-Match', async () => {
    const res = await request(t.http).get('/api/posts').expect(200);
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300, stale-if-error=86400');
    const again = await request(t.http).get('/api/posts').set('If-None-Match', res.headers.etag).expect(304);
    expect(again.text).toBe('');
  });

  it('echoes a valid X-Request-Id and mints one otherwise, also on errors', async () => {
    const echoed = await request(t.http).get('/api/posts').set('X-Request-Id', 'abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const minted = await request(t.http).get('/api/posts/slug/nope').set('X-Request-Id', 'bad id <script>');
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(minted.body.requestId).toBe(minted.headers['x-request-id']);
  });

  it('answers 404 problem details for an unknown route', async () => {
    expectProblem(await request(t.http).get('/api/nothing-here'), 404, 'NOT_FOUND');
  });
});
