import request from 'supertest';
import { noticeDirectWrites } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';

const HIDDEN = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];

describe('GraphQL Tag.posts and Author.posts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('lists a tag\'s published posts newest first, agreeing with REST ?tag= and the tag\'s postCount', async () => {
    const { data, errors } = await gql(t, `{ tag(slug: "long-form") { postCount posts { totalCount nodes { slug publishedAt tags { slug } } pageInfo { hasNextPage } } } }`);
    expect(errors).toBeUndefined();
    const rest = await request(t.http).get('/api/posts?tag=long-form&limit=100').expect(200);
    expect(data!.tag.posts.nodes.map((p: any) => p.slug)).toEqual(rest.body.data.map((p: any) => p.slug));
    expect(data!.tag.posts.totalCount).toBe(data!.tag.postCount);
    expect(data!.tag.posts.totalCount).toBe(rest.body.meta.pagination.total);
    for (const hidden of HIDDEN) expect(data!.tag.posts.nodes.map((p: any) => p.slug)).not.toContain(hidden);
    const dates = data!.tag.posts.nodes.map((p: any) => p.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('pages with first/after without overlap, in every tag of a list at once', async () => {
    const all = await gql(t, `{ tags(limit: 100) { nodes { slug posts(first: 100) { nodes { id } } } } }`);
    const paged = new Map<string, string[]>();
    let after: string | null = null;
    for (let round = 0; round < 10; round += 1) {
      const res: any = await gql(t, `query($after: String) { tags(limit: 100) { nodes { slug posts(first: 1, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } } }`, { after });
      expect(res.errors).toBeUndefined();
      // Every tag gets the page after the same cursor; follow the writing tag's cursor chain.
      const writing = res.data.tags.nodes.find((n: any) => n.slug === 'writing');
      paged.set(String(round), writing.posts.edges.map((e: any) => e.node.id));
      if (!writing.posts.pageInfo.hasNextPage) break;
      after = writing.posts.pageInfo.endCursor;
    }
    const expected = all.data!.tags.nodes.find((n: any) => n.slug === 'writing').posts.nodes.map((p: any) => p.id);
    expect([...paged.values()].flat()).toEqual(expected);
  });

  it('lists an author\'s published posts, agreeing with REST ?author=', async () => {
    const { data, errors } = await gql(t, `{ authors { nodes { slug postCount posts(first: 100) { totalCount nodes { slug authors { slug } } } } } }`);
    expect(errors).toBeUndefined();
    for (const author of data!.authors.nodes) {
      const rest = await request(t.http).get(`/api/posts?author=${author.slug}&limit=100`).expect(200);
      expect(author.posts.nodes.map((p: any) => p.slug)).toEqual(rest.body.data.map((p: any) => p.slug));
      expect(author.posts.totalCount).toBe(author.postCount);
      for (const post of author.posts.nodes) expect(post.authors.map((a: any) => a.slug)).toContain(author.slug);
      for (const hidden of HIDDEN) expect(author.posts.nodes.map((p: any) => p.slug)).not.toContain(hidden);
    }
  });

  it('answers BAD_USER_INPUT for a bad page size or cursor', async () => {
    for (const args of ['first: 0', 'first: 101', 'after: "garbage"']) {
      const { errors } = await gql(t, `{ tag(slug: "writing") { posts(${args}) { nodes { id } } } }`);
      expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
  });

  it('hides a post from related lists as soon as it is unpublished, before any refresh', async () => {
    const before = await request(t.http).get('/api/posts/slug/the-case-for-the-long-read/related?limit=10').expect(200);
    const top = before.body.data[0];
    await t.prisma.post.update({ where: { id: top.id }, data: { status: 'DRAFT' } });
    await noticeDirectWrites(t);
    const after = await request(t.http).get('/api/posts/slug/the-case-for-the-long-read/related?limit=10').expect(200);
    expect(after.body.data.map((p: any) => p.id)).not.toContain(top.id);
    expect(after.body.data.map((p: any) => p.id)).toEqual(before.body.data.slice(1).map((p: any) => p.id));
    await t.prisma.post.update({ where: { id: top.id }, data: { status: 'PUBLISHED' } });
    await noticeDirectWrites(t);
  });
});
