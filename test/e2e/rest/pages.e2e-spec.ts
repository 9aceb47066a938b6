import request from 'supertest';
import { PostSchedulerService } from '../../../src/modules/scheduler/post-scheduler.service';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { hasValidSignature, startReceiver, WebhookReceiver } from '../../helpers/webhook-receiver';

const SITE = 'https://blog.example';
let serial = 0;
const pageBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Page ${++serial} ${Date.now()}`,
  markdown: '## Our story\n\nA page body with a few words.\n\n## Contact\n\nWrite to us.',
  ...overrides,
});

describe('pages: documents of kind page over REST and GraphQL', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;
  let receiver: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOKS_ENABLED: 'true', WEBHOOK_POLL_INTERVAL_MS: '50', SITE_URL: SITE, POST_URL_PATTERN: '/blog/{slug}/', PAGE_URL_PATTERN: '/{slug}' },
    });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(token);
    receiver = await startReceiver();
    const hook = await request(t.http)
      .post('/api/admin/webhooks')
      .set(bearer(await issueToken(t, ['webhooks:manage'])))
      .send({ url: receiver.url, events: ['page.*'] })
      .expect(201);
    secret = hook.body.data.secret;
  });
  afterAll(async () => {
    await t.prisma.webhook.deleteMany();
    await receiver.close();
    await t.close();
  });

  async function createPage(overrides: Record<string, unknown> = {}) {
    const res = await request(t.http).post('/api/admin/pages').set(editor).send(pageBody(overrides)).expect(201);
    return { id: res.body.data.id as string, etag: res.headers.etag as string, page: res.body.data };
  }

  async function publishedPage(overrides: Record<string, unknown> = {}) {
    const { id } = await createPage(overrides);
    const res = await request(t.http).post(`/api/admin/pages/${id}/publish`).set(editor).send({}).expect(200);
    return { id, etag: res.headers.etag as string, page: res.body.data };
  }

  it('creates a draft page with the post body pipeline, no tags or authors, and its own url', async () => {
    const { id, page, etag } = await createPage({ slug: 'our-story' });
    expect(page).toMatchObject({ id, slug: 'our-story', status: 'DRAFT', version: 1, url: `${SITE}/our-story` });
    expect(page.html).toContain('<h2 id="our-story">');
    expect(page.readingTime).toEqual(expect.objectContaining({ minutes: 1, words: expect.any(Number) }));
    expect(page).not.toHaveProperty('tags');
    expect(page).not.toHaveProperty('authors');
    expect(etag).toBe(`"${id}:1"`);
    // Not public until published.
    await request(t.http).get(`/api/pages/${id}`).expect(404);
    await request(t.http).get('/api/pages/slug/our-story').expect(404);
  });

  it('refuses post-only fields and unknown parameters with 400', async () => {
    expectProblem(await request(t.http).post('/api/admin/pages').set(editor).send(pageBody({ tags: ['news'] })), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/pages?tag=news'), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/pages?fields=tags'), 400, 'VALIDATION_FAILED');
  });

  it('shares one slug namespace with posts, and keeps each kind on its own routes', async () => {
    const post = await createDraft(t, token, { slug: 'shared-namespace' });
    expectProblem(await request(t.http).post('/api/admin/pages').set(editor).send(pageBody({ slug: 'shared-namespace' })), 409, 'CONFLICT');
    const { id } = await createPage({ slug: 'page-only-slug' });
    expectProblem(await request(t.http).post('/api/admin/posts').set(editor).send(pageBody({ slug: 'page-only-slug' })), 409, 'CONFLICT');
    // A page is not a post and a post is not a page, on the editor API too.
    await request(t.http).get(`/api/admin/posts/${id}`).set(editor).expect(404);
    await request(t.http).get(`/api/admin/pages/${post.id}`).set(editor).expect(404);
    const drafts = (await request(t.http).get('/api/admin/pages?status=DRAFT&limit=100').set(editor).expect(200)).body.data;
    expect(drafts.map((p: { id: string }) => p.id)).toContain(id);
    expect(drafts.map((p: { id: string }) => p.id)).not.toContain(post.id);
  });

  it('publishes, serves with ETag and cache headers, and lists pages apart from posts', async () => {
    const { id, page } = await publishedPage({ title: 'Colophon' });
    const one = await request(t.http).get(`/api/pages/${id}`).expect(200);
    expect(one.body.data).toMatchObject({ id, status: 'PUBLISHED', title: 'Colophon', html: expect.any(String), toc: expect.any(Array) });
    expect(one.headers['cache-control']).toMatch(/^public, max-age=/);
    await request(t.http).get(`/api/pages/${id}`).set('If-None-Match', one.headers.etag).expect(304);
    const bySlug = await request(t.http).get(`/api/pages/slug/${page.slug}?fields=title,url&formats=plaintext`).expect(200);
    expect(bySlug.body.data).toEqual({ id, title: 'Colophon', url: `${SITE}/${page.slug}` });

    const list = (await request(t.http).get('/api/pages?limit=100').expect(200)).body;
    expect(list.data.map((p: { id: string }) => p.id)).toContain(id);
    expect(list.meta.pagination).toMatchObject({ page: 1, total: list.data.length });
    const posts = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data;
    expect(posts.map((p: { id: string }) => p.id)).not.toContain(id);
    const cursor = (await request(t.http).get('/api/pages?limit=1&cursor=').expect(200)).body.meta.pagination;
    expect(cursor).toMatchObject({ limit: 1, prevCursor: null });
  });

  it('requires If-Match, keeps slug history (301) and restores revisions', async () => {
    const { id, etag } = await publishedPage({ slug: 'imprint-old' });
    expectProblem(await request(t.http).patch(`/api/admin/pages/${id}`).set(editor).send({ title: 'x' }), 428, 'PRECONDITION_REQUIRED');
    expectProblem(
      await request(t.http).patch(`/api/admin/pages/${id}`).set(editor).set('If-Match', `"${id}:1"`).send({ title: 'x' }),
      412,
      'PRECONDITION_FAILED',
    );
    const renamed = await request(t.http)
      .patch(`/api/admin/pages/${id}`)
      .set(editor)
      .set('If-Match', etag)
      .send({ slug: 'imprint', markdown: 'The new imprint.' })
      .expect(200);
    const moved = await request(t.http).get('/api/pages/slug/imprint-old').expect(301);
    expect(moved.headers.location).toBe('/api/pages/slug/imprint');
    // The old page slug is not a post slug.
    await request(t.http).get('/api/posts/slug/imprint-old').expect(404);

    const revisions = (await request(t.http).get(`/api/admin/pages/${id}/revisions`).set(editor).expect(200)).body.data;
    expect(revisions.map((r: { number: number }) => r.number)).toEqual([3, 2, 1]);
    expect(revisions[2].snapshot).toMatchObject({ slug: 'imprint-old', tags: [], authors: [] });
    const restored = await request(t.http)
      .post(`/api/admin/pages/${id}/revisions/1/restore`)
      .set(editor)
      .set('If-Match', renamed.headers.etag)
      .expect(200);
    expect(restored.body.data).toMatchObject({ slug: 'imprint-old', status: 'PUBLISHED', version: 4 });

    const actions = await t.prisma.auditEntry.findMany({ where: { targetId: id }, orderBy: { createdAt: 'asc' }, select: { action: true, targetType: true } });
    expect(actions).toEqual(
      ['page.created', 'page.published', 'page.updated', 'page.restored'].map((action) => ({ action, targetType: 'page' })),
    );
    await request(t.http).delete(`/api/admin/pages/${id}`).set(editor).set('If-Match', restored.headers.etag).expect(204);
    await request(t.http).get(`/api/pages/${id}`).expect(404);
  });

  it('replays a create with the same Idempotency-Key', async () => {
    const body = pageBody();
    const first = await request(t.http).post('/api/admin/pages').set(editor).set('Idempotency-Key', `page-${serial}`).send(body).expect(201);
    const retry = await request(t.http).post('/api/admin/pages').set(editor).set('Idempotency-Key', `page-${serial}`).send(body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.data.id).toBe(first.body.data.id);
    expect(first.headers.location).toBe(`/api/admin/pages/${first.body.data.id}`);
  });

  it('sends page.* webhooks with type page and the page url', async () => {
    const seen = receiver.requests.length;
    const { id, page } = await publishedPage({ slug: 'hooked-page' });
    // The page deleted by an earlier test may still be announced after `seen`: wait for this page's event.
    const delivered = await receiver.waitForMatch((r) => JSON.parse(r.body).target?.id === id, seen, 20_000);
    const event = JSON.parse(delivered.body);
    expect(hasValidSignature(delivered, secret)).toBe(true);
    expect(event).toMatchObject({ type: 'page.published', target: { type: 'page', id } });
    expect(event.data).toMatchObject({ type: 'page', id, slug: 'hooked-page', status: 'PUBLISHED', url: `${SITE}/hooked-page`, purge: [`${SITE}/hooked-page`] });
    expect(event.data.post).toEqual((await request(t.http).get(`/api/pages/${id}`).expect(200)).body.data);
    expect(page.url).toBe(`${SITE}/hooked-page`);
  });

  it('publishes a scheduled page when it falls due', async () => {
    const { id } = await createPage();
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    await request(t.http).post(`/api/admin/pages/${id}/publish`).set(editor).send({ publishAt }).expect(200);
    await t.prisma.post.update({ where: { id }, data: { publishedAt: new Date(Date.now() - 1000) } });
    expect(await t.app.get(PostSchedulerService).tick()).toContain(id);
    await request(t.http).get(`/api/pages/${id}`).expect(200);
    const audit = await t.prisma.auditEntry.findFirst({ where: { targetId: id }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ action: 'page.published', targetType: 'page' });
    expect(await t.prisma.relatedRefreshQueue.count({ where: { postId: id } })).toBe(0);
  });

  it('GraphQL: createPage, publishPage, page, pages and search hits typed as pages', async () => {
    const created = await gql(
      t,
      `mutation($input: CreatePageInput!) { createPage(input: $input) { id slug status version markdown } }`,
      { input: pageBody({ title: 'Numbat Imprint', markdown: 'The numbat imprint.' }) },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const { id, slug } = created.data!.createPage;
    expect(created.data!.createPage).toMatchObject({ status: 'DRAFT', version: 1, markdown: 'The numbat imprint.' });
    const published = await gql(t, `mutation { publishPage(id: "${id}", version: 1) { status version html } }`, undefined, editor);
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishPage).toMatchObject({ status: 'PUBLISHED', version: 2, html: expect.stringContaining('numbat') });

    const read = await gql(t, `{ a: page(slug: "${slug}") { id url toc { text } } b: page(id: "${id}") { id } pages(first: 100) { totalCount nodes { id } } post(slug: "${slug}") { id } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({ a: { id, url: `${SITE}/${slug}`, toc: [] }, b: { id }, post: null });
    expect(read.data!.pages.nodes.map((n: { id: string }) => n.id)).toContain(id);

    const search = await gql(t, `{ search(query: "numbat") { nodes { type post { id } page { id title } } } }`);
    expect(search.errors).toBeUndefined();
    expect(search.data!.search.nodes).toEqual([{ type: 'page', post: null, page: { id, title: 'Numbat Imprint' } }]);
    const rest = (await request(t.http).get('/api/search?q=numbat').expect(200)).body.data;
    expect(rest).toEqual([expect.objectContaining({ type: 'page', page: expect.objectContaining({ id, url: `${SITE}/${slug}` }) })]);

    // A filter field sent as an explicit null means "any", as leaving it out does, on every list of every kind.
    const open = '(filter: { featured: null, publishedAfter: null, publishedBefore: null }, first: 100)';
    const nulls = await gql(
      t,
      `{ pages${open} { nodes { id } } posts${open} { totalCount } adminPages${open.replace(', first', ', status: [PUBLISHED], first')} { totalCount nodes { id } } }`,
      undefined,
      editor,
    );
    expect(nulls.errors).toBeUndefined();
    expect(nulls.data!.pages.nodes.map((n: { id: string }) => n.id)).toContain(id);
    expect(nulls.data!.adminPages.nodes.map((n: { id: string }) => n.id)).toContain(id);
    const postsFilter = await gql(t, `{ posts(filter: { tag: null, author: null, featured: null }) { totalCount } adminPosts(filter: { featured: null }) { totalCount } }`, undefined, editor);
    expect(postsFilter.errors).toBeUndefined();

    const denied = await gql(t, `mutation { deletePage(id: "${id}", version: 2) }`);
    expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const deleted = await gql(t, `mutation { deletePage(id: "${id}", version: 2) }`, undefined, editor);
    expect(deleted.data).toEqual({ deletePage: true });
  });
});
