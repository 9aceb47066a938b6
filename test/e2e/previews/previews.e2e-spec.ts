import request from 'supertest';
import { ContentGenerationService } from '../../../src/modules/response-cache/content-generation.service';
import { PreviewsService } from '../../../src/modules/previews/previews.service';
import { createDraft } from '../../helpers/admin-posts';
import { publishedPost, waitFor } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

/**
 * Draft previews never leak: a preview token shows the latest state of its one document through the
 * single-document reads only, privately, and never through a cache, a list, search or a feed; any
 * other token (expired, revoked, another document's, an API token) gets exactly the public answer.
 */
const MARKER = 'wombatpreview';
const POST_QUERY = `query($id: ID, $slug: String) { post(id: $id, slug: $slug) { id title status preview html toc { text } tags { slug } } }`;
const PAGE_QUERY = `query($id: ID, $slug: String) { page(id: $id, slug: $slug) { id title status preview url html } }`;

describe('draft previews', () => {
  let t: TestApp;
  let reader: Record<string, string>;
  let writerToken: string;
  let draft: { id: string; slug: string };
  let otherDraft: { id: string; slug: string };
  let published: { id: string; slug: string };
  let draftPage: { id: string; slug: string };
  let publishedPage: { id: string; slug: string };

  const createLink = (postId: string, body: object = {}, headers = reader) =>
    request(t.http).post(`/api/admin/posts/${postId}/preview-links`).set(headers).send(body);
  const newToken = async (postId: string) => (await createLink(postId).expect(201)).body.data.token as string;
  const createPageLink = (pageId: string, body: object = {}, headers = reader) =>
    request(t.http).post(`/api/admin/pages/${pageId}/preview-links`).set(headers).send(body);
  const newPageToken = async (pageId: string) => (await createPageLink(pageId).expect(201)).body.data.token as string;
  const createPage = async (body: object) => {
    const res = await request(t.http).post('/api/admin/pages').set(bearer(writerToken)).send(body);
    if (res.status !== 201) throw new Error(`page create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.data.id as string, slug: res.body.data.slug as string };
  };
  const leaks = (payload: unknown) => (typeof payload === 'string' ? payload : JSON.stringify(payload)).toLowerCase().includes(MARKER);

  beforeAll(async () => {
    t = await createTestApp({
      env: { SITE_URL: 'https://blog.example', PAGE_URL_PATTERN: '/p/{slug}/', SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false' },
    });
    reader = bearer(await issueToken(t, ['content:read']));
    writerToken = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const d = await createDraft(t, writerToken, { title: `Secret ${MARKER} draft`, markdown: `## Inside ${MARKER}\n\nWords about ${MARKER}.`, tags: ['previewing'] });
    draft = { id: d.id, slug: d.post.slug };
    const o = await createDraft(t, writerToken, { title: `Other ${MARKER} draft` });
    otherDraft = { id: o.id, slug: o.post.slug };
    const p = await publishedPost(t, { title: 'A public post' });
    published = { id: p.id, slug: p.slug };
    draftPage = await createPage({ title: `Secret ${MARKER} page`, markdown: `## Page ${MARKER}\n\nA page about ${MARKER}.` });
    publishedPage = await createPage({ title: 'A public page', markdown: 'Public words.' });
    await request(t.http).post(`/api/admin/pages/${publishedPage.id}/publish`).set(bearer(writerToken)).send({}).expect(200);
    await waitFor(() => t.app.get(ContentGenerationService).known, 10_000);
  });
  afterAll(() => t.close());

  it('creates a link for one document with content:read: a token shown once, a website URL, listed without the token, audited', async () => {
    const before = Date.now();
    const res = await createLink(draft.id).expect(201);
    const link = res.body.data;
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(link).toEqual({
      id: expect.any(String),
      documentId: draft.id,
      prefix: link.token.slice(0, 13),
      token: expect.stringMatching(/^bylp_[A-Za-z0-9_-]{43}$/),
      url: `https://blog.example/${draft.slug}/?preview=${link.token}`,
      expiresAt: expect.any(String),
      revokedAt: null,
      createdAt: expect.any(String),
      active: true,
    });
    const lifetime = Date.parse(link.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * 86_400_000 + 1000);
    const short = (await createLink(draft.id, { expiresIn: 3600 }).expect(201)).body.data;
    expect(Date.parse(short.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);

    const listed = await request(t.http).get(`/api/admin/posts/${draft.id}/preview-links`).set(reader).expect(200);
    expect(listed.body.data.map((l: any) => l.id)).toEqual(expect.arrayContaining([link.id, short.id]));
    expect(JSON.stringify(listed.body)).not.toContain(link.token);
    expect(await t.prisma.previewLink.count({ where: { tokenHash: link.token } })).toBe(0); // only the hash is stored
    const audit = await t.prisma.auditEntry.findFirst({ where: { action: 'preview_link.created', targetId: link.id } });
    expect(audit).toMatchObject({ targetType: 'preview_link', tokenId: expect.any(String) });
  });

  it.each([[{ expiresIn: 59 }], [{ expiresIn: 30 * 86_400 + 1 }], [{ expiresIn: '3600' }], [{ token: 'mine' }]])('refuses %j with 400', async (body) => {
    expectProblem(await createLink(draft.id, body), 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for links of an unknown post, 401 without a token and 403 without content:read', async () => {
    expectProblem(await createLink('5b0c0c0c-0000-4000-8000-000000000001'), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/api/admin/posts/5b0c0c0c-0000-4000-8000-000000000001/preview-links').set(reader), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).post(`/api/admin/posts/${draft.id}/preview-links`).send({}), 401, 'UNAUTHENTICATED');
    expectProblem(await createLink(draft.id, {}, bearer(await issueToken(t, ['settings:write']))), 403, 'FORBIDDEN');
    expectProblem(await request(t.http).delete('/api/admin/preview-links/5b0c0c0c-0000-4000-8000-000000000001').set(reader), 404, 'NOT_FOUND');
  });

  it('shows the latest draft state over REST by id and slug, by header or ?preview=, privately and marked', async () => {
    const token = await newToken(draft.id);
    for (const path of [`/api/posts/${draft.id}`, `/api/posts/slug/${draft.slug}`]) {
      const res = await request(t.http).get(path).set('X-Preview-Token', token).set('If-None-Match', '*').expect(200);
      expect(res.headers['x-byline-preview']).toBe('1');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(res.body.data).toMatchObject({ id: draft.id, status: 'DRAFT', title: `Secret ${MARKER} draft`, url: `https://blog.example/${draft.slug}/` });
      expect(res.body.data.html).toContain(MARKER);
      expect(res.body.data.tags.map((tag: any) => tag.slug)).toEqual(['previewing']);
    }
    const viaQuery = await request(t.http).get(`/api/posts/${draft.id}?preview=${token}&formats=markdown&fields=title,markdown`).expect(200);
    expect(viaQuery.headers['x-byline-preview']).toBe('1');
    expect(viaQuery.body.data).toEqual({ id: draft.id, title: `Secret ${MARKER} draft`, markdown: expect.stringContaining(MARKER) });
    expectProblem(await request(t.http).get(`/api/posts/${draft.id}?formats=pdf`).set('X-Preview-Token', token), 400, 'VALIDATION_FAILED');
  });

  it('shows the latest state over GraphQL post(id|slug) with Post.preview, never cached', async () => {
    const token = await newToken(draft.id);
    for (const variables of [{ id: draft.id }, { slug: draft.slug }]) {
      const res = await request(t.http).post('/graphql').set('X-Preview-Token', token).send({ query: POST_QUERY, variables }).expect(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.body.data.post).toMatchObject({ id: draft.id, status: 'DRAFT', preview: true, tags: [{ slug: 'previewing' }] });
      expect(res.body.data.post.html).toContain(MARKER);
      expect(res.body.data.post.toc.map((e: any) => e.text)).toEqual([`Inside ${MARKER}`]);
      // The same operation without the token: the public answer (no such post), not a cached preview.
      const anonymous = await gql(t, POST_QUERY, variables);
      expect(anonymous.errors).toBeUndefined();
      expect(anonymous.data!.post).toBeNull();
    }
  });

  it('never answers a preview from or into the response cache', async () => {
    const token = await newToken(published.id);
    const statementsOf = async (fn: () => Promise<unknown>) => (await t.prisma.countStatements(fn)).statements;
    // The public answer is cached...
    const pub = await request(t.http).get(`/api/posts/${published.id}`).expect(200);
    expect(await statementsOf(() => request(t.http).get(`/api/posts/${published.id}`).expect(200))).toBe(0);
    // ...but a preview request bypasses it and is answered (and marked) by the app itself.
    const preview = await request(t.http).get(`/api/posts/${published.id}`).set('X-Preview-Token', token).expect(200);
    expect(preview.headers['x-byline-preview']).toBe('1');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    // ...and the next anonymous read is the public answer again, from the cache.
    const again = await request(t.http).get(`/api/posts/${published.id}`).expect(200);
    expect(again.headers['x-byline-preview']).toBeUndefined();
    expect(again.headers['cache-control']).toBe(pub.headers['cache-control']);
    expect(again.text).toBe(pub.text);

    // A draft read with the token first, then anonymously: 404, whatever came before.
    const draftToken = await newToken(draft.id);
    await request(t.http).get(`/api/posts/${draft.id}`).set('X-Preview-Token', draftToken).expect(200);
    await request(t.http).get(`/api/posts/${draft.id}?preview=${draftToken}`).expect(200);
    expectProblem(await request(t.http).get(`/api/posts/${draft.id}`), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get(`/api/posts/slug/${draft.slug}`), 404, 'NOT_FOUND');

    // GraphQL: the cached public answer is not served to a preview, and the preview is not served to the public.
    const vars = { id: published.id };
    await gql(t, POST_QUERY, vars);
    expect((await gql(t, POST_QUERY, vars)).data!.post.preview).toBe(false);
    expect((await gql(t, POST_QUERY, vars, { 'X-Preview-Token': token })).data!.post.preview).toBe(true);
    expect((await gql(t, POST_QUERY, vars)).data!.post.preview).toBe(false);
  });

  it('keeps previews out of lists, search, feeds, related and sitemap, even with a valid token', async () => {
    const token = await newToken(draft.id);
    const withToken = { 'X-Preview-Token': token };
    for (const path of ['/api/posts?limit=100', `/api/search?q=${MARKER}`, '/api/feed.json', '/api/feed.xml', '/api/sitemap.xml', '/api/tags', '/api/authors']) {
      const res = await request(t.http).get(path).set(withToken);
      expect([200, 404]).toContain(res.status);
      expect(leaks(res.text)).toBe(false);
      expect(res.headers['x-byline-preview']).toBeUndefined();
      if (res.status === 200) expect(res.headers['cache-control']).toBe('private, no-store');
    }
    expectProblem(await request(t.http).get(`/api/posts/slug/${draft.slug}/related`).set(withToken), 404, 'NOT_FOUND');
    // The query parameter is for the single-document reads only.
    expectProblem(await request(t.http).get(`/api/posts?preview=${token}`), 400, 'VALIDATION_FAILED');
    const lists = await gql(t, `{ posts(first: 50) { nodes { title } } search(query: "${MARKER}") { nodes { post { title } } } }`, undefined, withToken);
    expect(lists.errors).toBeUndefined();
    expect(leaks(lists.data)).toBe(false);
  });

  it('gives a token of another document, an expired, a revoked or a malformed token, and an API token the public answer', async () => {
    const forOther = await newToken(otherDraft.id);
    const expiredLink = (await createLink(draft.id).expect(201)).body.data;
    await t.app.get(PreviewsService).setExpiry(expiredLink.id, new Date(Date.now() - 1000));
    const revokedLink = (await createLink(draft.id).expect(201)).body.data;
    const revoked = await request(t.http).delete(`/api/admin/preview-links/${revokedLink.id}`).set(reader).expect(200);
    expect(revoked.body.data).toMatchObject({ id: revokedLink.id, active: false, revokedAt: expect.any(String) });
    const again = await request(t.http).delete(`/api/admin/preview-links/${revokedLink.id}`).set(reader).expect(200);
    expect(again.body.data.revokedAt).toBe(revoked.body.data.revokedAt);
    expect(await t.prisma.auditEntry.count({ where: { action: 'preview_link.revoked', targetId: revokedLink.id } })).toBe(1);
    const apiToken = await issueToken(t, ['content:read', 'content:write', 'content:publish']);

    for (const token of [forOther, expiredLink.token, revokedLink.token, apiToken, 'bylp_nonsense', `${forOther}x`]) {
      for (const path of [`/api/posts/${draft.id}`, `/api/posts/slug/${draft.slug}`, `/api/posts/${draft.id}?preview=${encodeURIComponent(token)}`]) {
        const res = await request(t.http).get(path).set('X-Preview-Token', token);
        expectProblem(res, 404, 'NOT_FOUND');
        // The problem echoes the requested path (its slug), nothing of the draft itself.
        expect(res.body.data).toBeUndefined();
        expect(res.text).not.toMatch(/Secret wombatpreview draft|Words about|DRAFT/);
        expect(res.headers['cache-control']).toMatch(/no-store/);
      }
      const viaGraphql = await gql(t, POST_QUERY, { id: draft.id }, { 'X-Preview-Token': token });
      expect(viaGraphql.errors).toBeUndefined();
      expect(viaGraphql.data!.post).toBeNull();
      // On a published post: the public version, not marked as a preview.
      const pub = await request(t.http).get(`/api/posts/${published.id}`).set('X-Preview-Token', token).expect(200);
      expect(pub.headers['x-byline-preview']).toBeUndefined();
    }
    const listed = await request(t.http).get(`/api/admin/posts/${draft.id}/preview-links`).set(reader).expect(200);
    const states = Object.fromEntries(listed.body.data.map((l: any) => [l.id, l.active]));
    expect(states[expiredLink.id]).toBe(false);
    expect(states[revokedLink.id]).toBe(false);
  });

  it('refuses a preview token on the editor API, REST and GraphQL', async () => {
    const token = await newToken(draft.id);
    expectProblem(await request(t.http).get(`/api/admin/posts/${draft.id}`).set(bearer(token)), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).get(`/api/admin/posts/${draft.id}/preview-links`).set(bearer(token)), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).get(`/api/admin/posts/${draft.id}`).set('X-Preview-Token', token), 401, 'UNAUTHENTICATED');
    const admin = await gql(t, `query($id: ID!) { adminPost(id: $id) { title } }`, { id: draft.id }, bearer(token));
    expect(admin.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('manages links over GraphQL with the same rules', async () => {
    const created = await gql(
      t,
      `mutation($id: ID!) { createPreviewLink(documentId: $id, input: { expiresIn: 600 }) { id token url documentId active } }`,
      { id: draft.id },
      reader,
    );
    expect(created.errors).toBeUndefined();
    const link = created.data!.createPreviewLink;
    expect(link).toMatchObject({ documentId: draft.id, active: true, url: expect.stringContaining('?preview=bylp_') });
    const listed = await gql(t, `query($id: ID!) { previewLinks(documentId: $id) { id prefix active } }`, { id: draft.id }, reader);
    expect(listed.data!.previewLinks.map((l: any) => l.id)).toContain(link.id);
    expect((await gql(t, POST_QUERY, { id: draft.id }, { 'X-Preview-Token': link.token })).data!.post.preview).toBe(true);
    const revoked = await gql(t, `mutation($id: ID!) { revokePreviewLink(id: $id) { active } }`, { id: link.id }, reader);
    expect(revoked.data!.revokePreviewLink.active).toBe(false);
    expect((await gql(t, POST_QUERY, { id: draft.id }, { 'X-Preview-Token': link.token })).data!.post).toBeNull();
    const denied = await gql(t, `mutation($id: ID!) { createPreviewLink(documentId: $id) { id } }`, { id: draft.id });
    expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bounded = await gql(t, `mutation($id: ID!) { createPreviewLink(documentId: $id, input: { expiresIn: 1 }) { id } }`, { id: draft.id }, reader);
    expect(bounded.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('pages', () => {
    it('creates page links on the pages route with the page URL; a page through the posts route and a post through the pages route are 404s', async () => {
      const link = (await createPageLink(draftPage.id).expect(201)).body.data;
      expect(link).toMatchObject({ documentId: draftPage.id, url: `https://blog.example/p/${draftPage.slug}/?preview=${link.token}`, active: true });
      const listed = await request(t.http).get(`/api/admin/pages/${draftPage.id}/preview-links`).set(reader).expect(200);
      expect(listed.body.data.map((l: any) => l.id)).toContain(link.id);
      expectProblem(await createLink(draftPage.id), 404, 'NOT_FOUND');
      expectProblem(await createPageLink(draft.id), 404, 'NOT_FOUND');
      expectProblem(await request(t.http).get(`/api/admin/posts/${draftPage.id}/preview-links`).set(reader), 404, 'NOT_FOUND');
      expectProblem(await request(t.http).get(`/api/admin/pages/${draft.id}/preview-links`).set(reader), 404, 'NOT_FOUND');
      expectProblem(await request(t.http).post(`/api/admin/pages/${draftPage.id}/preview-links`).send({}), 401, 'UNAUTHENTICATED');
    });

    it('shows the latest draft page over REST by id and slug and over GraphQL page(), privately and marked', async () => {
      const token = await newPageToken(draftPage.id);
      for (const path of [`/api/pages/${draftPage.id}`, `/api/pages/slug/${draftPage.slug}`, `/api/pages/${draftPage.id}?preview=${token}`]) {
        const res = await request(t.http).get(path).set('X-Preview-Token', token).set('If-None-Match', '*').expect(200);
        expect(res.headers['x-byline-preview']).toBe('1');
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers.etag).toBeUndefined();
        expect(res.body.data).toMatchObject({ id: draftPage.id, status: 'DRAFT', url: `https://blog.example/p/${draftPage.slug}/` });
        expect(res.body.data.html).toContain(MARKER);
        expect(res.body.data).not.toHaveProperty('tags');
      }
      // The page read's own query rules: a post-only field is a 400, with or without a token.
      expectProblem(await request(t.http).get(`/api/pages/${draftPage.id}?fields=tags`).set('X-Preview-Token', token), 400, 'VALIDATION_FAILED');
      for (const variables of [{ id: draftPage.id }, { slug: draftPage.slug }]) {
        const res = await request(t.http).post('/graphql').set('X-Preview-Token', token).send({ query: PAGE_QUERY, variables }).expect(200);
        expect(res.body.errors).toBeUndefined();
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.body.data.page).toMatchObject({ id: draftPage.id, status: 'DRAFT', preview: true, url: `https://blog.example/p/${draftPage.slug}/` });
        expect(res.body.data.page.html).toContain(MARKER);
        expect((await gql(t, PAGE_QUERY, variables)).data!.page).toBeNull();
      }
      const pub = await gql(t, PAGE_QUERY, { id: publishedPage.id });
      expect(pub.data!.page).toMatchObject({ id: publishedPage.id, preview: false });
    });

    it('never opens a page with a post token nor a post with a page token', async () => {
      const postToken = await newToken(draft.id);
      const pageToken = await newPageToken(draftPage.id);
      for (const path of [`/api/pages/${draftPage.id}`, `/api/pages/slug/${draftPage.slug}`]) {
        expectProblem(await request(t.http).get(path).set('X-Preview-Token', postToken), 404, 'NOT_FOUND');
      }
      for (const path of [`/api/posts/${draftPage.id}`, `/api/posts/slug/${draftPage.slug}`, `/api/posts/${draft.id}`, `/api/posts/slug/${draft.slug}`]) {
        const res = await request(t.http).get(path).set('X-Preview-Token', pageToken);
        expectProblem(res, 404, 'NOT_FOUND');
        expect(leaks(res.body.title) || leaks(res.body.data ?? null)).toBe(false);
      }
      expect((await gql(t, PAGE_QUERY, { id: draftPage.id }, { 'X-Preview-Token': postToken })).data!.page).toBeNull();
      expect((await gql(t, POST_QUERY, { id: draftPage.id }, { 'X-Preview-Token': pageToken })).data!.post).toBeNull();
      expect((await gql(t, POST_QUERY, { id: draft.id }, { 'X-Preview-Token': pageToken })).data!.post).toBeNull();
      // A page token on a published page of its kind but another id: the public answer, unmarked.
      const other = await request(t.http).get(`/api/pages/${publishedPage.id}`).set('X-Preview-Token', pageToken).expect(200);
      expect(other.headers['x-byline-preview']).toBeUndefined();
    });

    it('never leaks a previewed page: 404 to the public afterwards, absent from the page list, search and sitemap', async () => {
      const token = await newPageToken(draftPage.id);
      await request(t.http).get(`/api/pages/${draftPage.id}`).set('X-Preview-Token', token).expect(200);
      await request(t.http).get(`/api/pages/slug/${draftPage.slug}?preview=${token}`).expect(200);
      expectProblem(await request(t.http).get(`/api/pages/${draftPage.id}`), 404, 'NOT_FOUND');
      expectProblem(await request(t.http).get(`/api/pages/slug/${draftPage.slug}`), 404, 'NOT_FOUND');
      for (const path of ['/api/pages?limit=100', `/api/search?q=${MARKER}`, '/api/sitemap.xml']) {
        for (const headers of [{ 'X-Preview-Token': token }, {}]) {
          const res = await request(t.http).get(path).set(headers).expect(200);
          expect(leaks(res.text)).toBe(false);
          expect(res.text).not.toContain(draftPage.slug);
          expect(res.headers['x-byline-preview']).toBeUndefined();
        }
      }
      expectProblem(await request(t.http).get(`/api/pages?preview=${token}`), 400, 'VALIDATION_FAILED');
      const lists = await gql(t, `{ pages(first: 50) { nodes { title } } }`, undefined, { 'X-Preview-Token': token });
      expect(lists.errors).toBeUndefined();
      expect(leaks(lists.data)).toBe(false);
    });

    it('creates page links over GraphQL createPreviewLink, with the page URL', async () => {
      const created = await gql(
        t,
        `mutation($id: ID!) { createPreviewLink(documentId: $id) { id token url documentId } }`,
        { id: draftPage.id },
        reader,
      );
      expect(created.errors).toBeUndefined();
      const link = created.data!.createPreviewLink;
      expect(link).toMatchObject({ documentId: draftPage.id, url: `https://blog.example/p/${draftPage.slug}/?preview=${link.token}` });
      expect((await gql(t, PAGE_QUERY, { slug: draftPage.slug }, { 'X-Preview-Token': link.token })).data!.page.preview).toBe(true);
      const listed = await gql(t, `query($id: ID!) { previewLinks(documentId: $id) { id } }`, { id: draftPage.id }, reader);
      expect(listed.data!.previewLinks.map((l: any) => l.id)).toContain(link.id);
    });
  });
});
