import request from 'supertest';
import { createDraft, draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { PostWritesRepository, WriteStep } from '../../../src/modules/posts/post-writes.repository';

const STEPS: WriteStep[] = ['links', 'revision', 'related', 'audit'];

describe('REST /api/admin/posts: every write is one transaction', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;
  let writes: PostWritesRepository;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(token);
    writes = t.app.get(PostWritesRepository);
  });
  afterEach(() => (writes.faultHook = undefined));
  afterAll(() => t.close());

  function failAt(step: WriteStep) {
    writes.faultHook = (at) => {
      if (at === step) throw new Error(`injected fault at ${step}`);
    };
  }

  it.each(['post', ...STEPS] as WriteStep[])('leaves no post, tag, link, revision or audit row when a create fails at "%s"', async (step) => {
    const before = await writeCounts(t);
    failAt(step);
    const res = await request(t.http).post('/api/admin/posts').set(editor).send(draftBody({ title: `Rollback ${step}`, tags: ['Rollback Only Tag'], authors: ['mara-okafor'] }));
    expectProblem(res, 500, 'INTERNAL');
    expect(await writeCounts(t)).toEqual(before);
    expect(await t.prisma.tag.count({ where: { slug: 'rollback-only-tag' } })).toBe(0);
  });

  it.each(STEPS)('leaves the post as it was when an update fails at "%s"', async (step) => {
    const { id, etag } = await createDraft(t, token, { tags: ['writing'] });
    const row = await t.prisma.post.findUniqueOrThrow({ where: { id } });
    const before = await writeCounts(t);
    failAt(step);
    const res = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: 'Changed', markdown: 'New', tags: ['typography', 'Another New Tag'] });
    expectProblem(res, 500, 'INTERNAL');
    expect(await writeCounts(t)).toEqual(before);
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id } })).toEqual(row);
    writes.faultHook = undefined;
    await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: 'Changed' }).expect(200);
  });

  it('keeps the post when a delete fails, and a published slug change records no history when it fails', async () => {
    const { id, etag, post } = await createDraft(t, token);
    failAt('audit');
    expectProblem(await request(t.http).delete(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag), 500, 'INTERNAL');
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', version: 1 });

    writes.faultHook = undefined;
    const published = await request(t.http).post(`/api/admin/posts/${id}/publish`).set(editor).expect(200);
    failAt('audit');
    const res = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', published.headers.etag).send({ slug: `${post.slug}-moved` });
    expectProblem(res, 500, 'INTERNAL');
    expect(await t.prisma.postSlugHistory.count({ where: { postId: id } })).toBe(0);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id } })).slug).toBe(post.slug);
  });

  it('leaves the status unchanged when a publish fails', async () => {
    const { id } = await createDraft(t, token);
    failAt('revision');
    expectProblem(await request(t.http).post(`/api/admin/posts/${id}/publish`).set(editor), 500, 'INTERNAL');
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', publishedAt: null, version: 1 });
  });
});
