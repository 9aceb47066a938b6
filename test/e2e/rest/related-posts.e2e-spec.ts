import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';

const FLAGSHIP = 'the-case-for-the-long-read';
const HIDDEN = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];

describe('related posts (REST and GraphQL)', () => {
  let t: TestApp;
  let flagshipId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    flagshipId = (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200)).body.data.id;
  });
  afterAll(() => t.close());

  const relatedSlugs = async (limit: number) =>
    (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}/related?limit=${limit}`).expect(200)).body.data.map((p: any) => p.slug);

  it('ranks a post sharing the rare tag above posts sharing only the common tag', async () => {
    const slugs = await relatedSlugs(10);
    expect(slugs[0]).toBe('the-hundred-page-habit'); // shares reading + the rare long-form
    const rare = slugs.indexOf('the-hundred-page-habit');
    for (const commonOnly of ['editing-in-three-passes', 'designing-a-content-api-editors-can-trust', 'the-slow-publishing-calendar']) {
      expect(slugs.indexOf(commonOnly)).toBeGreaterThan(rare);
    }
    expect(slugs.indexOf('line-length-and-the-patient-reader')).toBeLessThan(slugs.indexOf('editing-in-three-passes'));
  });

  it('never lists the post itself, a draft or a scheduled post, for any published post', async () => {
    const posts = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data;
    for (const post of posts) {
      const related = (await request(t.http).get(`/api/posts/${post.id}/related?limit=10`).expect(200)).body.data;
      const slugs = related.map((p: any) => p.slug);
      expect(slugs).not.toContain(post.slug);
      for (const hidden of HIDDEN) expect(slugs).not.toContain(hidden);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it('returns what a footer needs, three by default, best first and deterministic', async () => {
    const res = await request(t.http).get(`/api/posts/slug/${FLAGSHIP}/related`).expect(200);
    expect(res.body.data).toHaveLength(3);
    expect(res.body.meta).toEqual({ pagination: { total: 3 } });
    const [first] = res.body.data;
    expect(Object.keys(first).sort()).toEqual(
      ['excerpt', 'featureImage', 'id', 'primaryTag', 'publishedAt', 'readingTime', 'slug', 'tags', 'title', 'url'].sort(),
    );
    expect(first.readingTime.minutes).toBeGreaterThanOrEqual(1);
    expect(first.primaryTag).toEqual(first.tags[0]);
    expect(first.tags[0]).toEqual(expect.objectContaining({ slug: expect.any(String), name: expect.any(String), postCount: expect.any(Number) }));
    expect((await relatedSlugs(3))).toEqual(res.body.data.map((p: any) => p.slug));
    expect((await relatedSlugs(10)).slice(0, 3)).toEqual(res.body.data.map((p: any) => p.slug));
  });

  it('answers the same by id and by slug, and agrees with GraphQL Post.related', async () => {
    const bySlug = (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}/related?limit=5`).expect(200)).body.data;
    const byId = (await request(t.http).get(`/api/posts/${flagshipId}/related?limit=5`).expect(200)).body.data;
    expect(byId).toEqual(bySlug);
    const { data, errors } = await gql(t, `query($slug: String) { post(slug: $slug) { related(limit: 5) { id slug title excerpt publishedAt readingTime { minutes seconds words images } tags { slug } primaryTag { slug } } } }`, { slug: FLAGSHIP });
    expect(errors).toBeUndefined();
    expect(data!.post.related.map((p: any) => p.id)).toEqual(bySlug.map((p: any) => p.id));
    expect(data!.post.related[0].tags.map((x: any) => x.slug)).toEqual(bySlug[0].tags.map((x: any) => x.slug));
    expect(data!.post.related[0].readingTime).toEqual(bySlug[0].readingTime);
    expect(data!.post.related[0].publishedAt).toBe(bySlug[0].publishedAt);
    const defaults = await gql(t, `query($slug: String) { post(slug: $slug) { related { id } } }`, { slug: FLAGSHIP });
    expect(defaults.data!.post.related).toHaveLength(3);
  });

  it('is not swallowed by GET /api/posts/:id and /api/posts/slug/:slug', async () => {
    const single = await request(t.http).get(`/api/posts/${flagshipId}`).expect(200);
    expect(single.body.data.slug).toBe(FLAGSHIP);
    const related = await request(t.http).get(`/api/posts/${flagshipId}/related`).expect(200);
    expect(Array.isArray(related.body.data)).toBe(true);
    expect(related.body.data[0].id).not.toBe(flagshipId);
  });

  it('redirects an old slug with 301 to the current related list, keeping the limit', async () => {
    await t.prisma.postSlugHistory.create({ data: { slug: 'the-long-read-before-renaming', postId: flagshipId } });
    const res = await request(t.http).get('/api/posts/slug/the-long-read-before-renaming/related?limit=2').expect(301);
    expect(res.headers.location).toBe(`/api/posts/slug/${FLAGSHIP}/related?limit=2`);
    const followed = (await request(t.http).get(res.headers.location).expect(200)).body.data;
    expect(followed.map((p: any) => p.slug)).toEqual((await relatedSlugs(2)));
  });

  it('answers 404 for unknown, draft and scheduled posts', async () => {
    expectProblem(await request(t.http).get('/api/posts/slug/no-such-post/related'), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/api/posts/00000000-0000-4000-8000-000000000000/related'), 404, 'NOT_FOUND');
    for (const slug of HIDDEN) expectProblem(await request(t.http).get(`/api/posts/slug/${slug}/related`), 404, 'NOT_FOUND');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=11', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=3&sort=score', 'sort'],
  ])('answers 400 for ?%s', async (qs, field) => {
    const body = expectProblem(await request(t.http).get(`/api/posts/slug/${FLAGSHIP}/related?${qs}`), 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.field)).toContain(field);
  });

  it('answers 400 for a malformed id or slug', async () => {
    expectProblem(await request(t.http).get('/api/posts/not-a-uuid/related'), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/posts/slug/Not_A_Slug/related'), 400, 'VALIDATION_FAILED');
  });

  it('answers BAD_USER_INPUT for an out-of-range GraphQL limit', async () => {
    for (const limit of [0, 11]) {
      const { errors } = await gql(t, `query($slug: String, $limit: Int!) { post(slug: $slug) { related(limit: $limit) { id } } }`, { slug: FLAGSHIP, limit });
      expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
  });
});
