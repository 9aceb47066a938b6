import request from 'supertest';
import { FEED_SIZE } from '../../src/modules/feeds/feeds.service';
import { publishedPostWhere } from '../../src/modules/posts/data/post-read-model';
import { createDraft } from '../helpers/admin-posts';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { gql } from '../helpers/graphql';
import { bearer, issueToken } from '../helpers/tokens';

/**
 * Walks every public surface and proves that nothing unpublished is reachable: not a draft, not a
 * scheduled post, not a post whose status says PUBLISHED but whose date is still ahead, not an
 * unpublished one, and not an author or tag that only such posts use. Every hidden post carries the
 * marker word below in its title and body, so a leak shows up wherever it surfaces, including snippets,
 * feeds and related lists. Totals are checked against the database's own count of visible posts.
 */
const MARKER = 'quokkaleak';
const HIDDEN_TAG = 'quokka-only';
const HIDDEN_AUTHOR = 'hidden-hannah';
/** In a published page's title and body: pages must never show up among posts, feeds or related lists. */
const PAGE_MARKER = 'wallaroopage';

describe('public surfaces never expose unpublished content', () => {
  let t: TestApp;
  const hidden: { id: string; slug: string }[] = [];
  const hiddenPages: { id: string; slug: string }[] = [];
  let visiblePage: { id: string; slug: string };
  let visibleTotal: number;
  let visibleSlugs: string[];

  const leaks = (payload: unknown): string[] => {
    const text = (typeof payload === 'string' ? payload : JSON.stringify(payload)).toLowerCase();
    const found = [MARKER, HIDDEN_AUTHOR, ...[...hidden, ...hiddenPages].flatMap((h) => [h.id, h.slug])].filter((needle) => text.includes(needle));
    return found;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    await request(t.http).post('/api/admin/authors').set(bearer(token)).send({ name: 'Hidden Hannah', slug: HIDDEN_AUTHOR }).expect(201);

    const body = `## The ${MARKER} section\n\nReading slowly about long-form writing and typography, ${MARKER} everywhere.`;
    const hiddenPost = (title: string) => ({
      title: `${title} ${MARKER}`,
      markdown: body,
      tags: ['long-form', 'reading', HIDDEN_TAG],
      authors: [HIDDEN_AUTHOR, 'mara-okafor'],
      customExcerpt: `An excerpt with ${MARKER}.`,
    });

    const draft = await createDraft(t, token, hiddenPost('A plain draft'));
    const scheduled = await createDraft(t, token, hiddenPost('A scheduled one'));
    await request(t.http)
      .post(`/api/admin/posts/${scheduled.id}/publish`)
      .set(bearer(token))
      .send({ publishAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(200);
    const unpublished = await createDraft(t, token, hiddenPost('Published then pulled'));
    await request(t.http).post(`/api/admin/posts/${unpublished.id}/publish`).set(bearer(token)).send({}).expect(200);
    await request(t.http).post(`/api/admin/posts/${unpublished.id}/unpublish`).set(bearer(token)).send({}).expect(200);
    // A state only a clock can resolve: PUBLISHED, but dated a day ahead. Visibility is status AND date.
    const ahead = await createDraft(t, token, hiddenPost('Published but dated ahead'));
    await request(t.http).post(`/api/admin/posts/${ahead.id}/publish`).set(bearer(token)).send({}).expect(200);
    await t.prisma.post.update({ where: { id: ahead.id }, data: { publishedAt: new Date(Date.now() + 86_400_000) } });

    for (const { id } of [draft, scheduled, unpublished, ahead]) {
      hidden.push(await t.prisma.post.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true } }));
    }
    for (const slug of ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list']) {
      hidden.push(await t.prisma.post.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } }));
    }

    // Pages of every hidden state carry the marker too, so every surface above checks them as well.
    const createPage = async (title: string) => {
      const page = { title: `${title} ${MARKER}`, markdown: body, customExcerpt: `A page excerpt with ${MARKER}.` };
      const res = await request(t.http).post('/api/admin/pages').set(bearer(token)).send(page).expect(201);
      return res.body.data as { id: string; slug: string };
    };
    const pageDraft = await createPage('A draft page');
    const pageScheduled = await createPage('A scheduled page');
    await request(t.http)
      .post(`/api/admin/pages/${pageScheduled.id}/publish`)
      .set(bearer(token))
      .send({ publishAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(200);
    const pagePulled = await createPage('A pulled page');
    await request(t.http).post(`/api/admin/pages/${pagePulled.id}/publish`).set(bearer(token)).send({}).expect(200);
    await request(t.http).post(`/api/admin/pages/${pagePulled.id}/unpublish`).set(bearer(token)).send({}).expect(200);
    const pageAhead = await createPage('A page dated ahead');
    await request(t.http).post(`/api/admin/pages/${pageAhead.id}/publish`).set(bearer(token)).send({}).expect(200);
    await t.prisma.post.update({ where: { id: pageAhead.id }, data: { publishedAt: new Date(Date.now() + 86_400_000) } });
    for (const { id } of [pageDraft, pageScheduled, pagePulled, pageAhead]) {
      hiddenPages.push(await t.prisma.post.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true } }));
    }
    const colophon = { title: `Colophon ${PAGE_MARKER}`, markdown: `## Colophon\n\nSet in ${PAGE_MARKER} type, long-form reading and writing.` };
    visiblePage = (await request(t.http).post('/api/admin/pages').set(bearer(token)).send(colophon).expect(201)).body.data;
    await request(t.http).post(`/api/admin/pages/${visiblePage.id}/publish`).set(bearer(token)).send({}).expect(200);

    const visible = await t.prisma.post.findMany({ where: publishedPostWhere(new Date()), select: { slug: true } });
    visibleTotal = visible.length;
    visibleSlugs = visible.map((p) => p.slug);
  });
  afterAll(() => t.close());

  it('has hidden posts of every kind in the database, and visible ones', async () => {
    expect(hidden).toHaveLength(6);
    const statuses = await t.prisma.post.findMany({ where: { id: { in: hidden.map((h) => h.id) } }, select: { status: true } });
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['DRAFT', 'SCHEDULED', 'PUBLISHED']));
    expect(visibleTotal).toBeGreaterThanOrEqual(5);
  });

  it('REST post listings: every order, filter and pagination mode', async () => {
    const listings = [
      '/api/posts?limit=100',
      '/api/posts?limit=100&order=publishedAt:asc',
      '/api/posts?limit=100&order=updatedAt:desc',
      '/api/posts?limit=100&order=title:asc',
      '/api/posts?limit=100&formats=html,plaintext,markdown',
      `/api/posts?limit=100&tag=long-form,reading,${HIDDEN_TAG}`,
      `/api/posts?limit=100&author=mara-okafor`,
      `/api/posts?limit=100&tag=${HIDDEN_TAG}`,
      `/api/posts?limit=100&author=${HIDDEN_AUTHOR}`,
    ];
    for (const url of listings) {
      const res = await request(t.http).get(url).expect(200);
      expect({ url, leaks: leaks(res.body) }).toEqual({ url, leaks: [] });
    }
    const all = (await request(t.http).get('/api/posts?limit=100').expect(200)).body;
    expect(all.meta.pagination.total).toBe(visibleTotal);
    expect(all.data.map((p: { slug: string }) => p.slug).sort()).toEqual([...visibleSlugs].sort());
    for (const hiddenOnly of [`tag=${HIDDEN_TAG}`, `author=${HIDDEN_AUTHOR}`]) {
      const res = await request(t.http).get(`/api/posts?${hiddenOnly}`).expect(200);
      expect(res.body.meta.pagination.total).toBe(0);
    }
  });

  it('REST cursor walk sees exactly the visible posts', async () => {
    const seen: string[] = [];
    let url: string | null = '/api/posts?limit=2&cursor='; // an empty cursor starts keyset mode
    for (let pages = 0; url && pages < 50; pages++) {
      const res: request.Response = await request(t.http).get(url).expect(200);
      expect(leaks(res.body)).toEqual([]);
      seen.push(...res.body.data.map((p: { slug: string }) => p.slug));
      const next: string | null = res.body.meta.pagination.hasMore ? res.body.meta.pagination.nextCursor : null;
      url = next ? `/api/posts?limit=2&cursor=${encodeURIComponent(next)}` : null;
    }
    expect(seen.sort()).toEqual([...visibleSlugs].sort());
  });

  it('REST single reads and related lists: hidden posts are 404, old-slug redirects included', async () => {
    for (const { id, slug } of hidden) {
      for (const url of [`/api/posts/${id}`, `/api/posts/slug/${slug}`, `/api/posts/${id}/related`, `/api/posts/slug/${slug}/related`]) {
        const res = await request(t.http).get(url);
        expect({ url, status: res.status }).toEqual({ url, status: 404 });
      }
    }
    for (const slug of visibleSlugs) {
      const post = await request(t.http).get(`/api/posts/slug/${slug}?formats=html,plaintext,markdown`).expect(200);
      expect(leaks(post.body)).toEqual([]);
      const related = await request(t.http).get(`/api/posts/slug/${slug}/related?limit=10`).expect(200);
      expect({ slug, leaks: leaks(related.body) }).toEqual({ slug, leaks: [] });
    }
  });

  it('search finds nothing hidden, not even by the marker word', async () => {
    const byMarker = await request(t.http).get(`/api/search?q=${MARKER}`).expect(200);
    expect(byMarker.body.data).toEqual([]);
    for (const q of ['long-form', 'reading', 'typography', 'writing']) {
      const res = await request(t.http).get(`/api/search?q=${encodeURIComponent(q)}&limit=50`).expect(200);
      expect({ q, leaks: leaks(res.body) }).toEqual({ q, leaks: [] });
    }
  });

  it('tags and authors: counts only visible posts, and nothing is listed for hidden-only ones', async () => {
    const tags = (await request(t.http).get('/api/tags?limit=100').expect(200)).body.data as { slug: string; postCount: number }[];
    expect(tags.map((tag) => tag.slug)).not.toContain(HIDDEN_TAG);
    for (const tag of tags) {
      const expected = await t.prisma.post.count({ where: { ...publishedPostWhere(new Date()), tags: { some: { tag: { slug: tag.slug } } } } });
      expect({ tag: tag.slug, postCount: tag.postCount }).toEqual({ tag: tag.slug, postCount: expected });
      const single = (await request(t.http).get(`/api/tags/slug/${tag.slug}`).expect(200)).body.data;
      expect(single.postCount).toBe(expected);
    }
    await request(t.http).get(`/api/tags/slug/${HIDDEN_TAG}`).expect(404);

    const authors = (await request(t.http).get('/api/authors?limit=100').expect(200)).body.data as { slug: string; postCount: number }[];
    expect(authors.map((a) => a.slug)).not.toContain(HIDDEN_AUTHOR);
    for (const author of authors) {
      const expected = await t.prisma.post.count({ where: { ...publishedPostWhere(new Date()), authors: { some: { author: { slug: author.slug } } } } });
      expect({ author: author.slug, postCount: author.postCount }).toEqual({ author: author.slug, postCount: expected });
    }
    await request(t.http).get(`/api/authors/slug/${HIDDEN_AUTHOR}`).expect(404);
  });

  it('feeds and the sitemap', async () => {
    for (const url of ['/api/feed.xml', '/api/feed.json', '/api/sitemap.xml', '/api/feed.xml?tag=long-form', '/api/feed.json?tag=reading']) {
      const res = await request(t.http).get(url).expect(200);
      expect({ url, leaks: leaks(res.text) }).toEqual({ url, leaks: [] });
    }
    const feed = JSON.parse((await request(t.http).get('/api/feed.json').expect(200)).text) as { items: unknown[] };
    expect(feed.items.length).toBe(Math.min(visibleTotal, FEED_SIZE));
    const sitemap = (await request(t.http).get('/api/sitemap.xml').expect(200)).text;
    for (const slug of visibleSlugs) expect(sitemap).toContain(slug);
  });

  it('GraphQL: connections, nested lists, single lookups and search', async () => {
    const postFields = 'id slug title excerpt html plaintext markdown tags { slug postCount } authors { slug postCount } related(limit: 10) { slug title }';
    // Several documents: one holding all of them would (rightly) exceed the query cost limit.
    const documents = {
      posts: `{ posts(first: 100) { totalCount nodes { ${postFields} } } }`,
      byTag: `{ posts(first: 100, filter: { tag: ["${HIDDEN_TAG}"] }) { totalCount nodes { slug } } }`,
      tags: `{ tags(limit: 100) { nodes { slug postCount posts(first: 100) { nodes { slug title excerpt authors { slug } } } } } }`,
      authors: `{ authors(limit: 100) { nodes { slug postCount posts(first: 100) { nodes { slug title excerpt tags { slug } } } } } }`,
      marker: `{ search(query: "${MARKER}") { nodes { snippet post { slug } } } }`,
      common: `{ search(query: "reading", first: 50) { nodes { snippet post { slug title } } } }`,
    };
    const data: Record<string, any> = {};
    for (const [name, query] of Object.entries(documents)) {
      const res = await gql(t, query);
      expect({ name, errors: res.errors }).toEqual({ name, errors: undefined });
      expect({ name, leaks: leaks(res.data) }).toEqual({ name, leaks: [] });
      data[name] = res.data;
    }
    expect(data.posts.posts.totalCount).toBe(visibleTotal);
    expect(data.byTag.posts.totalCount).toBe(0);
    expect(data.marker.search.nodes).toEqual([]);
    expect(data.common.search.nodes.length).toBeGreaterThan(0);
    expect(data.tags.tags.nodes.map((tag: { slug: string }) => tag.slug)).not.toContain(HIDDEN_TAG);
    expect(data.authors.authors.nodes.map((a: { slug: string }) => a.slug)).not.toContain(HIDDEN_AUTHOR);

    for (const { id, slug } of hidden) {
      for (const query of [`{ post(id: "${id}") { slug } }`, `{ post(slug: "${slug}") { slug } }`]) {
        const single = await gql(t, query);
        expect(single.errors).toBeUndefined();
        expect(single.data).toEqual({ post: null });
      }
    }
    for (const query of [`{ tag(slug: "${HIDDEN_TAG}") { slug } }`, `{ author(slug: "${HIDDEN_AUTHOR}") { slug } }`]) {
      const single = await gql(t, query);
      expect(single.errors).toBeUndefined();
      expect(Object.values(single.data ?? { missing: 'data' })).toEqual([null]);
    }
  });

  it('pages: hidden ones never surface; published ones only on /api/pages, GraphQL pages, the sitemap and search', async () => {
    for (const { id, slug } of hiddenPages) {
      for (const url of [`/api/pages/${id}`, `/api/pages/slug/${slug}`, `/api/posts/${id}`, `/api/posts/slug/${slug}`]) {
        const res = await request(t.http).get(url);
        expect({ url, status: res.status }).toEqual({ url, status: 404 });
      }
      for (const query of [`{ page(id: "${id}") { slug } }`, `{ page(slug: "${slug}") { slug } }`]) {
        const single = await gql(t, query);
        expect({ query, errors: single.errors, data: single.data }).toEqual({ query, errors: undefined, data: { page: null } });
      }
    }

    const pages = (await request(t.http).get('/api/pages?limit=100&formats=html,plaintext,markdown').expect(200)).body;
    expect(leaks(pages)).toEqual([]);
    const publishedPages = await t.prisma.post.count({ where: { kind: 'page', status: 'PUBLISHED', publishedAt: { lte: new Date() } } });
    expect(pages.meta.pagination.total).toBe(publishedPages);
    expect(pages.data.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining(['about', visiblePage.slug]));
    const gqlPages = await gql(t, `{ pages(first: 100) { totalCount nodes { slug html url } } }`);
    expect(gqlPages.errors).toBeUndefined();
    expect(leaks(gqlPages.data)).toEqual([]);
    expect(gqlPages.data!.pages.totalCount).toBe(publishedPages);

    // A published page is not a post: not in any post list, feed or related list, nor by the post routes.
    const postSurfaces = [
      '/api/posts?limit=100', '/api/posts?limit=100&order=title:asc', '/api/posts?limit=100&featured=false',
      '/api/feed.xml', '/api/feed.json', `/api/posts/slug/${visibleSlugs[0]}/related?limit=10`,
    ];
    for (const url of postSurfaces) {
      const res = await request(t.http).get(url).expect(200);
      expect({ url, page: res.text.includes(PAGE_MARKER) || res.text.includes(visiblePage.id) }).toEqual({ url, page: false });
    }
    for (const url of [`/api/posts/${visiblePage.id}`, `/api/posts/slug/${visiblePage.slug}`, `/api/posts/${visiblePage.id}/related`]) {
      expect({ url, status: (await request(t.http).get(url)).status }).toEqual({ url, status: 404 });
    }
    const gqlPosts = await gql(t, `{ posts(first: 100) { nodes { slug related(limit: 10) { slug } } } post(slug: "${visiblePage.slug}") { id } }`);
    expect(gqlPosts.errors).toBeUndefined();
    expect(JSON.stringify(gqlPosts.data)).not.toContain(visiblePage.slug);

    // ...but it is in the sitemap and in search, marked as a page.
    expect((await request(t.http).get('/api/sitemap.xml').expect(200)).text).toContain(`/${visiblePage.slug}/`);
    const found = (await request(t.http).get(`/api/search?q=${PAGE_MARKER}`).expect(200)).body.data;
    expect(found).toEqual([expect.objectContaining({ type: 'page', page: expect.objectContaining({ id: visiblePage.id }) })]);
    expect(found[0].post).toBeUndefined();
  });

  it('previews: a preview read shows one hidden document to its token holder and changes nothing any other surface says', async () => {
    const reader = bearer(await issueToken(t, ['content:read']));
    const docs = [
      ...hidden.slice(0, 4).map((h) => ({ ...h, kind: 'posts' })),
      ...hiddenPages.map((h) => ({ ...h, kind: 'pages' })),
    ];
    const tokens = new Map<string, string>();
    for (const doc of docs) {
      const link = await request(t.http).post(`/api/admin/${doc.kind}/${doc.id}/preview-links`).set(reader).send({}).expect(201);
      tokens.set(doc.id, link.body.data.token);
      for (const url of [`/api/${doc.kind}/${doc.id}`, `/api/${doc.kind}/slug/${doc.slug}`]) {
        const seen = await request(t.http).get(url).set('X-Preview-Token', link.body.data.token).expect(200);
        expect({ url, preview: seen.headers['x-byline-preview'], cache: seen.headers['cache-control'] }).toEqual({ url, preview: '1', cache: 'private, no-store' });
        // Right after, the same URL without the token is what it always was: not found, not a cached draft.
        expect({ url, status: (await request(t.http).get(url)).status }).toEqual({ url, status: 404 });
      }
    }
    // A token opens its own document only, and never the editor API.
    const [first, second] = docs;
    const other = await request(t.http).get(`/api/${second.kind}/${second.id}`).set('X-Preview-Token', tokens.get(first.id)!);
    expect(other.status).toBe(404);
    expect((await request(t.http).get('/api/admin/posts').set('Authorization', `Bearer ${tokens.get(first.id)}`)).status).toBe(401);

    // Every listing surface, read with a valid preview token, is still the public one.
    const token = tokens.get(first.id)!;
    for (const url of ['/api/posts?limit=100', '/api/pages?limit=100', `/api/search?q=${MARKER}`, '/api/feed.xml', '/api/feed.json', '/api/sitemap.xml']) {
      const res = await request(t.http).get(url).set('X-Preview-Token', token).expect(200);
      expect({ url, leaks: leaks(res.text) }).toEqual({ url, leaks: [] });
    }
    const listing = await gql(t, `{ posts(first: 100) { nodes { slug } } pages(first: 100) { nodes { slug } } search(query: "${MARKER}") { totalCount } }`);
    expect(leaks(listing.data)).toEqual([]);
    expect(listing.data!.search.totalCount).toBe(0);
  });
});
