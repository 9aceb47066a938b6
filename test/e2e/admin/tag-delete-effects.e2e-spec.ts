import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { waitForRelatedRefresh } from '../../helpers/related';
import { bearer, issueToken } from '../../helpers/tokens';

describe('deleting a tag', () => {
  let t: TestApp;
  let writer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    writer = bearer(await issueToken(t, ['content:read', 'content:write']));
  });
  afterAll(() => t.close());

  async function tagTwoPublishedPosts(name: string) {
    const tag = (await request(t.http).post('/api/admin/tags').set(writer).send({ name }).expect(201)).body.data;
    const posts = await t.prisma.post.findMany({
      where: { kind: 'post', status: 'PUBLISHED', publishedAt: { lte: new Date() } },
      select: { id: true, slug: true, _count: { select: { tags: true } } },
      orderBy: { slug: 'asc' },
      take: 2,
    });
    for (const post of posts) await t.prisma.postTag.create({ data: { postId: post.id, tagId: tag.id, position: post._count.tags } });
    return { tag, posts };
  }

  it('removes it from its posts, from public counts and lists, and from search', async () => {
    const { tag, posts } = await tagTwoPublishedPosts('Zymurgy');
    expect((await request(t.http).get(`/api/tags/slug/${tag.slug}`).expect(200)).body.data.postCount).toBe(2);
    const found = await request(t.http).get('/api/search').query({ q: 'zymurgy' }).expect(200);
    expect(found.body.data.map((h: any) => h.post.slug).sort()).toEqual(posts.map((p) => p.slug).sort());

    const etag = (await request(t.http).get(`/api/admin/tags/${tag.id}`).set(writer).expect(200)).headers.etag;
    await request(t.http).delete(`/api/admin/tags/${tag.id}`).set(writer).set('If-Match', etag).expect(204);

    await request(t.http).get(`/api/tags/slug/${tag.slug}`).expect(404);
    expect((await request(t.http).get(`/api/posts?tag=${tag.slug}`).expect(200)).body.data).toEqual([]);
    for (const post of posts) {
      const res = await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200);
      expect(res.body.data.tags.map((x: any) => x.slug)).not.toContain(tag.slug);
    }
    expect((await request(t.http).get('/api/search').query({ q: 'zymurgy' }).expect(200)).body.data).toEqual([]);
    const audit = await t.prisma.auditEntry.findFirstOrThrow({ where: { targetId: tag.id, action: 'tag.deleted' } });
    expect(audit.details).toMatchObject({ slug: tag.slug, unlinkedPosts: 2 });
  });

  it('queues the related-posts refresh of the posts that carried it, in the same transaction, and the lists are rebuilt', async () => {
    const { tag, posts } = await tagTwoPublishedPosts('Oenology');
    await waitForRelatedRefresh(t);
    // Wipe the precomputed lists: only a refresh triggered by the delete can rebuild them.
    await t.prisma.relatedPost.deleteMany({ where: { postId: { in: posts.map((p) => p.id) } } });
    const { data } = await gql(t, 'mutation($id: ID!, $m: String) { deleteTag(id: $id, ifMatch: $m) { slug postCount } }', {
      id: tag.id,
      m: '*',
    }, writer);
    expect(data?.deleteTag).toEqual({ slug: tag.slug, postCount: 2 });
    await waitForRelatedRefresh(t);
    for (const post of posts) expect(await t.prisma.relatedPost.count({ where: { postId: post.id } })).toBeGreaterThan(0);
    expect(await t.prisma.postTag.count({ where: { tagId: tag.id } })).toBe(0);
  });
});
