import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { PostWritesRepository } from '../../../src/modules/posts/post-writes.repository';

const ROUNDS = 100;
const WRITERS = 10;

describe('REST /api/admin/posts optimistic concurrency', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await issueToken(t, ['content:read', 'content:write']);
  });
  afterAll(() => t.close());

  it(`lets exactly one of ${WRITERS} parallel PATCHes with the same ETag win, ${ROUNDS} rounds in a row`, async () => {
    const { id } = await createDraft(t, token, { markdown: 'tiny' });
    const agent = request.agent(t.http).set(bearer(token));
    let etag = `"${id}:1"`;
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) => agent.patch(`/api/admin/posts/${id}`).set('If-Match', etag).send({ title: `r${round} w${i}` })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(WRITERS - 1).fill(412)]);
      const winner = results.find((r) => r.status === 200)!;
      expect(winner.body.data.version).toBe(round + 1);
      etag = winner.headers.etag;
    }
    const post = await t.prisma.post.findUniqueOrThrow({ where: { id } });
    expect(post.version).toBe(ROUNDS + 1);
    expect(await t.prisma.postRevision.count({ where: { postId: id } })).toBe(ROUNDS + 1);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'post.updated' } })).toBe(ROUNDS);
  }, 60_000);

  it('enforces the version in the UPDATE itself, not only in the pre-check (10 writers past the pre-check → 1 wins)', async () => {
    const { id } = await createDraft(t, token, { markdown: 'tiny' });
    const writes = t.app.get(PostWritesRepository);
    const actor = { tokenId: null, requestId: null };
    const results = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, i) => writes.update(id, 1, { columns: { title: `direct ${i}` } }, actor, { action: 'post.updated' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code] : []));
    expect(codes).toEqual(Array(WRITERS - 1).fill('PRECONDITION_FAILED'));
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});
