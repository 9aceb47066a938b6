import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';

describe('REST /api/tags and /api/authors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  async function publishedCountForTag(slug: string): Promise<number> {
    return t.prisma.post.count({
      where: { status: 'PUBLISHED', publishedAt: { lte: new Date() }, tags: { some: { tag: { slug } } } },
    });
  }

  it('lists tags by name with postCount of published posts only', async () => {
    const res = await request(t.http).get('/api/tags?limit=100').expect(200);
    const tags = res.body.data as any[];
    expect(tags.length).toBeGreaterThan(3);
    expect(tags.map((x) => x.name)).toEqual([...tags.map((x) => x.name)].sort((a, b) => a.localeCompare(b)));
    for (const tag of tags) expect(tag.postCount).toBe(await publishedCountForTag(tag.slug));
    // long-form is also on the draft and the scheduled post; they must not be counted
    const longForm = tags.find((x) => x.slug === 'long-form');
    const allLinks = await t.prisma.postTag.count({ where: { tag: { slug: 'long-form' } } });
    expect(longForm.postCount).toBeLessThan(allLinks);
    expect(res.body.meta.pagination).toMatchObject({ limit: 100, page: 1, total: tags.length });
  });

  it('finds a tag by slug and by id, and answers 404 / 400 otherwise', async () => {
    const bySlug = await request(t.http).get('/api/tags/slug/typography').expect(200);
    expect(bySlug.body.data).toMatchObject({ slug: 'typography', postCount: await publishedCountForTag('typography') });
    const byId = await request(t.http).get(`/api/tags/${bySlug.body.data.id}`).expect(200);
    expect(byId.body.data).toEqual(bySlug.body.data);
    expectProblem(await request(t.http).get('/api/tags/slug/no-such-tag'), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/api/tags/123'), 400, 'VALIDATION_FAILED');
  });

  it('lists only authors with a published post, without private fields', async () => {
    const hidden = await t.prisma.author.create({ data: { slug: 'ghost-writer', name: 'Ghost Writer' } });
    const res = await request(t.http).get('/api/authors').expect(200);
    const authors = res.body.data as any[];
    expect(authors.length).toBeGreaterThanOrEqual(2);
    expect(authors.map((a) => a.slug)).not.toContain(hidden.slug);
    for (const author of authors) {
      expect(Object.keys(author).sort()).toEqual(['avatar', 'avatarUrl', 'bio', 'id', 'name', 'postCount', 'slug', 'social', 'website']);
      expect(author.postCount).toBeGreaterThan(0);
    }
    expectProblem(await request(t.http).get(`/api/authors/slug/${hidden.slug}`), 404, 'NOT_FOUND');
  });

  it('finds an author by slug and id', async () => {
    const [first] = (await request(t.http).get('/api/authors').expect(200)).body.data;
    const bySlug = await request(t.http).get(`/api/authors/slug/${first.slug}`).expect(200);
    const byId = await request(t.http).get(`/api/authors/${first.id}`).expect(200);
    expect(bySlug.body.data).toEqual(first);
    expect(byId.body.data).toEqual(first);
  });

  it('rejects bad pagination on tags and authors', async () => {
    expectProblem(await request(t.http).get('/api/tags?limit=500'), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/authors?page=0'), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get('/api/authors?sort=name'), 400, 'VALIDATION_FAILED');
  });
});
