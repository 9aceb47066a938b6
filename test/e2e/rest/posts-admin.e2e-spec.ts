import request from 'supertest';
import { createDraft, draftBody } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('REST /api/admin/posts: create, read, update, delete', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(token);
  });
  afterAll(() => t.close());

  it('creates a draft: 201, Location, ETag, derived fields, ordered tags (unknown names created) and authors', async () => {
    const res = await request(t.http)
      .post('/api/admin/posts')
      .set(editor)
      .send(draftBody({ title: 'Notes on Café Typography', tags: ['typography', 'Brand New Topic', 'Writing'], authors: ['tomas-lindqvist', 'mara-okafor'] }))
      .expect(201);
    const post = res.body.data;
    expect(res.headers.location).toBe(`/api/admin/posts/${post.id}`);
    expect(res.headers.etag).toBe(`"${post.id}:1"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(post).toMatchObject({ slug: 'notes-on-cafe-typography', status: 'DRAFT', publishedAt: null, version: 1, featured: false });
    expect(post.html).toContain('<h2');
    expect(post.markdown).toContain('## Hello');
    expect(post.readingTime.minutes).toBeGreaterThanOrEqual(1);
    expect(post.tags.map((tag: any) => tag.slug)).toEqual(['typography', 'brand-new-topic', 'writing']);
    expect(post.primaryTag.slug).toBe('typography');
    expect(post.authors.map((a: any) => a.slug)).toEqual(['tomas-lindqvist', 'mara-okafor']);
    expect(await t.prisma.tag.findUnique({ where: { slug: 'brand-new-topic' } })).toMatchObject({ name: 'Brand New Topic' });
    const audit = await t.prisma.auditEntry.findFirst({ where: { targetId: post.id, action: 'post.created' } });
    expect(audit?.requestId).toBe(res.headers['x-request-id']);
    expect(audit?.tokenId).toEqual(expect.any(String));
  });

  it('generates unique slugs from the title with -2, -3', async () => {
    const slugs = [];
    for (let i = 0; i < 3; i++) slugs.push((await createDraft(t, token, { title: 'Same Title Again' })).post.slug);
    expect(slugs).toEqual(['same-title-again', 'same-title-again-2', 'same-title-again-3']);
  });

  it('answers 409 for an explicit slug that is taken, and 400 for an invalid one', async () => {
    expectProblem(await request(t.http).post('/api/admin/posts').set(editor).send(draftBody({ slug: 'the-case-for-the-long-read' })), 409, 'CONFLICT');
    const bad = expectProblem(await request(t.http).post('/api/admin/posts').set(editor).send(draftBody({ slug: 'Not A Slug' })), 400, 'VALIDATION_FAILED');
    expect(bad.errors?.map((e) => e.field)).toContain('slug');
  });

  it('answers 400 naming an unknown author', async () => {
    const res = await request(t.http).post('/api/admin/posts').set(editor).send(draftBody({ authors: ['mara-okafor', 'nobody-here'] }));
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').detail).toContain('nobody-here');
  });

  it('reads a draft by id with html, markdown and the ETag', async () => {
    const { id, etag } = await createDraft(t, token);
    const res = await request(t.http).get(`/api/admin/posts/${id}`).set(editor).expect(200);
    expect(res.headers.etag).toBe(etag);
    expect(res.body.data).toMatchObject({ id, status: 'DRAFT' });
    expect(res.body.data.html).toEqual(expect.any(String));
    expect(res.body.data.markdown).toEqual(expect.any(String));
    await request(t.http).get(`/api/posts/${id}`).expect(404);
  });

  it('lists drafts and scheduled posts with status=, plus the public filters', async () => {
    const res = await request(t.http).get('/api/admin/posts?status=DRAFT,SCHEDULED&limit=100').set(editor).expect(200);
    const statuses = new Set((res.body.data as any[]).map((p) => p.status));
    expect([...statuses].sort()).toEqual(['DRAFT', 'SCHEDULED']);
    expect(res.body.meta.pagination.total).toBe(await t.prisma.post.count({ where: { status: { in: ['DRAFT', 'SCHEDULED'] } } }));
    const tagged = await request(t.http).get('/api/admin/posts?tag=typography&status=DRAFT').set(editor).expect(200);
    for (const post of tagged.body.data) expect(post.tags.map((tag: any) => tag.slug)).toContain('typography');
    expectProblem(await request(t.http).get('/api/admin/posts?status=GONE').set(editor), 400, 'VALIDATION_FAILED');
  });

  it('paginates admin lists by page only: cursor is an unknown parameter on REST, after an unknown argument on GraphQL', async () => {
    const problem = expectProblem(await request(t.http).get('/api/admin/posts?cursor=').set(editor), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toEqual(['cursor']);
    const res = await request(t.http).post('/graphql').set(editor).send({ query: '{ adminPosts(after: "x") { totalCount } }' });
    expect(res.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const paged = await request(t.http).get('/api/admin/posts?page=2&limit=2').set(editor).expect(200);
    expect(paged.body.meta.pagination).toEqual(expect.objectContaining({ page: 2, limit: 2 }));
  });

  it('patches partially with If-Match, replaces lists, re-renders the body and bumps the version', async () => {
    const { id, etag } = await createDraft(t, token, { tags: ['writing', 'reading'], customExcerpt: 'Old excerpt' });
    const res = await request(t.http)
      .patch(`/api/admin/posts/${id}`)
      .set(editor)
      .set('If-Match', etag)
      .send({ markdown: 'Brand **new** text.', tags: ['typography'], customExcerpt: null })
      .expect(200);
    expect(res.headers.etag).toBe(`"${id}:2"`);
    expect(res.body.data).toMatchObject({ version: 2, customExcerpt: null, excerpt: 'Brand new text.' });
    expect(res.body.data.tags.map((tag: any) => tag.slug)).toEqual(['typography']);
    expect(res.body.data.title).toMatch(/^Admin test post/);
  });

  it('requires If-Match on PATCH and DELETE (428) and refuses a stale one (412)', async () => {
    const { id, etag } = await createDraft(t, token);
    expectProblem(await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).send({ title: 'x' }), 428, 'PRECONDITION_REQUIRED');
    expectProblem(await request(t.http).delete(`/api/admin/posts/${id}`).set(editor), 428, 'PRECONDITION_REQUIRED');
    await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: 'v2' }).expect(200);
    expectProblem(await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: 'v3' }), 412, 'PRECONDITION_FAILED');
    expectProblem(await request(t.http).delete(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag), 412, 'PRECONDITION_FAILED');
    expect((await t.prisma.post.findUnique({ where: { id } }))?.title).toBe('v2');
  });

  it('deletes with If-Match: 204, post, links and revisions gone, audit kept', async () => {
    const { id, etag } = await createDraft(t, token, { tags: ['writing'] });
    await request(t.http).delete(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).expect(204);
    expect(await t.prisma.post.count({ where: { id } })).toBe(0);
    expect(await t.prisma.postRevision.count({ where: { postId: id } })).toBe(0);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'post.deleted' } })).toBe(1);
    expectProblem(await request(t.http).get(`/api/admin/posts/${id}`).set(editor), 404, 'NOT_FOUND');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await request(t.http).patch(`/api/admin/posts/${unknown}`).set(editor).set('If-Match', `"${unknown}:1"`).send({}), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/api/admin/posts/not-a-uuid').set(editor), 400, 'VALIDATION_FAILED');
  });

  it('documents the editor routes in the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/openapi.json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const path of ['/api/admin/posts', '/api/admin/posts/{id}', '/api/admin/posts/{id}/publish', '/api/admin/posts/{id}/revisions/{n}/restore']) {
      expect(paths).toContain(path);
    }
    expect(res.body.paths['/api/admin/posts'].post.requestBody).toBeDefined();
  });
});
