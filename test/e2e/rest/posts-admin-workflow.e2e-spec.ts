import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('REST /api/admin/posts workflow: publish, schedule, unpublish, slug history, revisions', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(token);
  });
  afterAll(() => t.close());

  const publish = (id: string, body: object = {}) => request(t.http).post(`/api/admin/posts/${id}/publish`).set(editor).send(body);

  it('publishes a draft now: public, audited, ETag bumped', async () => {
    const { id, post } = await createDraft(t, token);
    const before = Date.now();
    const res = await publish(id).expect(200);
    expect(res.body.data).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(Date.parse(res.body.data.publishedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.headers.etag).toBe(`"${id}:2"`);
    await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'post.published' } })).toBe(1);
  });

  it('schedules for a future publishAt: SCHEDULED, not public, visible to admin', async () => {
    const { id, post } = await createDraft(t, token);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const res = await publish(id, { publishAt: at }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'SCHEDULED', publishedAt: at });
    await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(404);
    const list = await request(t.http).get('/api/admin/posts?status=SCHEDULED&limit=100').set(editor).expect(200);
    expect((list.body.data as any[]).map((p) => p.id)).toContain(id);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'post.scheduled' } })).toBe(1);
  });

  it('publishes an import with a past publishedAt, and refuses a future one (400)', async () => {
    const { id } = await createDraft(t, token);
    expectProblem(await publish(id, { publishedAt: new Date(Date.now() + 86_400_000).toISOString() }), 400, 'VALIDATION_FAILED');
    const res = await publish(id, { publishedAt: '2012-05-01T08:00:00.000Z' }).expect(200);
    expect(res.body.data).toMatchObject({ status: 'PUBLISHED', publishedAt: '2012-05-01T08:00:00.000Z' });
  });

  it('unpublishes to DRAFT (publishedAt cleared) and refuses illegal transitions with 409', async () => {
    const { id, post } = await createDraft(t, token);
    expect(expectProblem(await request(t.http).post(`/api/admin/posts/${id}/unpublish`).set(editor), 409, 'CONFLICT').detail).toMatch(/already a draft/);
    await publish(id).expect(200);
    expect(expectProblem(await publish(id), 409, 'CONFLICT').detail).toMatch(/already published/);
    const res = await request(t.http).post(`/api/admin/posts/${id}/unpublish`).set(editor).expect(200);
    expect(res.body.data).toMatchObject({ status: 'DRAFT', publishedAt: null });
    await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(404);
  });

  it('honours an optional If-Match on publish (stale → 412)', async () => {
    const { id } = await createDraft(t, token);
    expectProblem(await publish(id).set('If-Match', `"${id}:7"`), 412, 'PRECONDITION_FAILED');
    await publish(id).set('If-Match', `"${id}:1"`).expect(200);
  });

  it('keeps the old slug of a published post redirecting (301) after a slug change', async () => {
    const { id, post } = await createDraft(t, token);
    const published = await publish(id).expect(200);
    await request(t.http)
      .patch(`/api/admin/posts/${id}`)
      .set(editor)
      .set('If-Match', published.headers.etag)
      .send({ slug: `${post.slug}-renamed` })
      .expect(200);
    const old = await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(301);
    expect(old.headers.location).toBe(`/api/posts/slug/${post.slug}-renamed`);
    await request(t.http).get(`/api/posts/slug/${post.slug}-renamed`).expect(200);
  });

  it('does not record the old slug of a draft', async () => {
    const { id, etag, post } = await createDraft(t, token);
    await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ slug: `${post.slug}-x` }).expect(200);
    expect(await t.prisma.postSlugHistory.count({ where: { postId: id } })).toBe(0);
  });

  it('lists numbered revisions newest first and restores one as a new revision', async () => {
    const { id, etag } = await createDraft(t, token, { title: 'First title', tags: ['writing'] });
    const v2 = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: 'Second title', tags: [] }).expect(200);
    const list = await request(t.http).get(`/api/admin/posts/${id}/revisions`).set(editor).expect(200);
    expect(list.body.data.map((r: any) => r.number)).toEqual([2, 1]);
    expect(list.body.meta).toEqual({ pagination: { total: 2 } });
    expect(list.body.data[1]).toMatchObject({ number: 1, tokenId: expect.any(String), snapshot: { title: 'First title', tags: ['writing'], status: 'DRAFT' } });
    expect(Date.parse(list.body.data[0].createdAt)).not.toBeNaN();

    expectProblem(await request(t.http).post(`/api/admin/posts/${id}/revisions/1/restore`).set(editor), 428, 'PRECONDITION_REQUIRED');
    const restored = await request(t.http).post(`/api/admin/posts/${id}/revisions/1/restore`).set(editor).set('If-Match', v2.headers.etag).expect(200);
    expect(restored.body.data).toMatchObject({ title: 'First title', version: 3 });
    expect(restored.body.data.tags.map((tag: any) => tag.slug)).toEqual(['writing']);
    const after = await request(t.http).get(`/api/admin/posts/${id}/revisions`).set(editor).expect(200);
    expect(after.body.data.map((r: any) => r.number)).toEqual([3, 2, 1]);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'post.restored' } })).toBe(1);
  });

  it('answers 404 for an unknown revision and 400 for a non-numeric one', async () => {
    const { id, etag } = await createDraft(t, token);
    expectProblem(await request(t.http).post(`/api/admin/posts/${id}/revisions/9/restore`).set(editor).set('If-Match', etag), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).post(`/api/admin/posts/${id}/revisions/x/restore`).set(editor).set('If-Match', etag), 400, 'VALIDATION_FAILED');
  });
});
