import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { publishedPost, waitFor } from '../helpers/cache';
import { PrivatePostgres } from '../helpers/private-postgres';
import { applyMigrations } from '../../src/database/migrations';
import { ContentGenerationService } from '../../src/modules/response-cache/content-generation.service';

const ARTICLE = `query Article($slug: String!) { post(slug: $slug) { title } }`;
const graphqlGet = (slug: string) => `/graphql?query=${encodeURIComponent(ARTICLE)}&variables=${encodeURIComponent(JSON.stringify({ slug }))}`;

/**
 * A reader of a warm page never notices the database going away: hits need no database at all, and
 * a miss that fails because the database is unreachable is answered with the last good response
 * for its key (RFC 5861 stale-if-error). This suite stops its own PostgreSQL mid-test.
 */
describe('response cache while the database is down', () => {
  let database: PrivatePostgres | undefined;
  let t: TestApp | undefined;

  beforeAll(async () => {
    database = await PrivatePostgres.create();
    await database.query('CREATE DATABASE byline');
    await applyMigrations(database.url('byline'));
    t = await createTestApp({ databaseUrl: database.url('byline'), env: { SCHEDULER_ENABLED: 'false' } });
  }, 180_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await database?.destroy();
  }, 60_000);

  it('keeps serving warm pages, and stale answers for keys whose fresh read fails', async () => {
    const app = t!;
    const generation = app.app.get(ContentGenerationService);
    const kept = await publishedPost(app, { title: 'Kept' });
    const changed = await publishedPost(app, { title: 'Before the outage' });

    // Warm a list, a post on REST and GraphQL, and the post that will change.
    const list = await request(app.http).get('/api/posts?limit=10').expect(200);
    const keptPage = await request(app.http).get(`/api/posts/slug/${kept.slug}`).expect(200);
    const keptQuery = await request(app.http).get(graphqlGet(kept.slug)).expect(200);
    const before = await request(app.http).get(`/api/posts/slug/${changed.slug}`).expect(200);
    const beforeQuery = await request(app.http).get(graphqlGet(changed.slug)).expect(200);
    expect(before.body.data.title).toBe('Before the outage');

    // A change commits: those entries are now stale, the others still fresh for the next generation...
    const current = generation.current;
    await app.prisma.$executeRaw`UPDATE posts SET title = 'After the outage' WHERE id = ${changed.id}::uuid`;
    await waitFor(() => generation.current > current, 5000);
    const listNow = await request(app.http).get('/api/posts?limit=10').expect(200);
    const keptNow = await request(app.http).get(`/api/posts/slug/${kept.slug}`).expect(200);
    const keptQueryNow = await request(app.http).get(graphqlGet(kept.slug)).expect(200);
    expect(listNow.text).not.toBe(list.text);
    expect(keptNow.text).toBe(keptPage.text);
    expect(keptQueryNow.text).toBe(keptQuery.text);

    // ...and the database goes away.
    await database!.stop('fast');

    const warm = await request(app.http).get('/api/posts?limit=10');
    expect(warm.status).toBe(200);
    expect(warm.text).toBe(listNow.text);
    expect((await request(app.http).get(`/api/posts/slug/${kept.slug}`)).text).toBe(keptPage.text);
    const warmQuery = await request(app.http).get(graphqlGet(kept.slug));
    expect(warmQuery.status).toBe(200);
    expect(warmQuery.text).toBe(keptQuery.text);
    expect(warm.headers['cache-control']).toMatch(/stale-if-error=\d+/);

    // The changed post's entries belong to the old generation: the fresh read fails, the stale answer stands in.
    const stale = await request(app.http).get(`/api/posts/slug/${changed.slug}`);
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(before.text);
    expect(stale.headers['x-request-id']).toBeDefined();
    const staleQuery = await request(app.http).get(graphqlGet(changed.slug));
    expect(staleQuery.status).toBe(200);
    expect(staleQuery.text).toBe(beforeQuery.text);

    // A key never answered before has nothing to stand in for it.
    const cold = await request(app.http).get('/api/tags?limit=7');
    expect(cold.status).toBeGreaterThanOrEqual(500);
  }, 120_000);
});
