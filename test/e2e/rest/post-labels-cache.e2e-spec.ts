import request from 'supertest';
import { ContentGenerationService } from '../../../src/modules/response-cache/content-generation.service';
import { waitFor } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';

// Public post reads select their labels' ids; the label rows come from a cache that lives for one
// content generation. The response cache is off here, so every request reaches the read model.
describe('labels of public posts, cached per content generation', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing else may talk to the database while statements are counted.
    t = await createTestApp({ seed: true, env: { RESPONSE_CACHE_MB: '0', SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false' } });
    await waitFor(() => t.app.get(ContentGenerationService).known, 10_000);
  });
  afterAll(() => t.close());

  const firstTagged = async () => {
    const list = (await request(t.http).get('/api/posts?limit=5').expect(200)).body.data as Array<{ slug: string; tags: Array<{ id: string; slug: string; name: string; postCount: number }> }>;
    return list.find((post) => post.tags.length > 0)!;
  };

  it('reads a page of posts in one statement once the labels are cached, and the labels read as the tags routes do', async () => {
    await firstTagged();
    const { statements } = await t.prisma.countStatements(() => request(t.http).get('/api/posts?limit=5').expect(200));
    expect(statements).toBe(1);
    const post = await firstTagged();
    const [tag] = post.tags;
    const own = (await request(t.http).get(`/api/tags/slug/${tag.slug}`).expect(200)).body.data;
    expect(tag).toEqual(own);
  });

  it('shows a label edited through the API in the writing instance’s next read', async () => {
    const post = await firstTagged();
    const [tag] = post.tags;
    const token = await issueToken(t, ['content:read', 'content:write']);
    const current = await request(t.http).get(`/api/admin/tags/${tag.id}`).set(bearer(token)).expect(200);
    await request(t.http)
      .patch(`/api/admin/tags/${tag.id}`)
      .set(bearer(token))
      .set('If-Match', current.headers.etag)
      .send({ name: `${tag.name} (renamed)` })
      .expect(200);
    const again = (await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200)).body.data;
    expect(again.tags[0]).toMatchObject({ id: tag.id, name: `${tag.name} (renamed)` });
  });

  it('shows a label changed outside the app once its commit is announced', async () => {
    const post = await firstTagged();
    const [tag] = post.tags;
    await t.prisma.$executeRaw`UPDATE tags SET description = 'Changed in psql' WHERE id = ${tag.id}::uuid`;
    await waitFor(async () => {
      const read = (await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200)).body.data;
      return read.tags[0].description === 'Changed in psql';
      // Announced commits reach an instance within a second; well below the cache's 10 s age limit.
    }, 5_000, 50);
  });

  it('counts a newly published post in the embedded postCount', async () => {
    const post = await firstTagged();
    const [tag] = post.tags;
    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const created = await request(t.http)
      .post('/api/admin/posts')
      .set(bearer(token))
      .send({ title: `Counted ${Date.now()}`, markdown: 'A body.', tags: [tag.slug] })
      .expect(201);
    await request(t.http).post(`/api/admin/posts/${created.body.data.id}/publish`).set(bearer(token)).send({}).expect(200);
    const again = (await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200)).body.data;
    expect(again.tags.find((x: { id: string }) => x.id === tag.id).postCount).toBe(tag.postCount + 1);
  });
});
