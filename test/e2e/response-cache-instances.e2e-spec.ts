import request from 'supertest';
import { Client } from 'pg';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { publishedPost, waitFor } from '../helpers/cache';
import { bearer, issueToken } from '../helpers/tokens';
import { LISTENER_APPLICATION_NAME } from '../../src/modules/response-cache/content-generation.repository';
import { ContentGenerationService } from '../../src/modules/response-cache/content-generation.service';

/** The freshness bound: content committed anywhere is served by every instance within this. */
const BOUND_MS = 1000;

/**
 * Two instances on one database, each with its own in-memory cache and content generation: a change
 * committed by either (or in SQL) reaches the other within a second, also while its LISTEN
 * connection is down (killed with pg_terminate_backend) and after it comes back.
 */
describe('response cache across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let token: string;
  let slug: string;
  let id: string;

  const titleOn = async (t: TestApp) => (await request(t.http).get(`/api/posts/slug/${slug}`).expect(200)).body.data.title as string;
  const generationOf = (t: TestApp) => t.app.get(ContentGenerationService);
  const rename = async (title: string) => {
    await a.prisma.$executeRaw`UPDATE posts SET title = ${title} WHERE id = ${id}::uuid`;
    return (await a.prisma.contentGeneration.findUniqueOrThrow({ where: { id: true } })).value;
  };
  /** Waits until `t` knows the committed generation, within the bound; then its next read must show `title`. */
  const expectSeenWithinBound = async (t: TestApp, committed: bigint, title: string) => {
    const took = await waitFor(() => BigInt(generationOf(t).current) >= committed, BOUND_MS);
    expect(took).toBeLessThanOrEqual(BOUND_MS);
    expect(await titleOn(t)).toBe(title);
  };
  const killListeners = async () => {
    const admin = new Client({ connectionString: a.databaseUrl });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      );
      return killed.rowCount;
    } finally {
      await admin.end();
    }
  };

  beforeAll(async () => {
    a = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
    b = await createTestApp({ databaseUrl: a.databaseUrl, env: { SCHEDULER_ENABLED: 'false' } });
    token = await issueToken(a, ['content:read', 'content:write']);
    ({ slug, id } = await publishedPost(a, { title: 'Original' }));
    await waitFor(() => generationOf(a).listening && generationOf(b).listening, 10_000);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('serves a write made through one instance on the other within a second', async () => {
    await titleOn(a);
    await titleOn(b); // warm both caches
    const etag = (await request(a.http).get(`/api/admin/posts/${id}`).set(bearer(token)).expect(200)).headers.etag;
    await request(a.http).patch(`/api/admin/posts/${id}`).set(bearer(token)).set('If-Match', etag).send({ title: 'Written on A' }).expect(200);
    expect(await titleOn(a)).toBe('Written on A'); // read-your-writes on the writing instance
    const committed = (await a.prisma.contentGeneration.findUniqueOrThrow({ where: { id: true } })).value;
    await expectSeenWithinBound(b, committed, 'Written on A');
  });

  it('serves a change committed in SQL on both instances within a second', async () => {
    await titleOn(a);
    await titleOn(b);
    const committed = await rename('Renamed in SQL');
    await expectSeenWithinBound(a, committed, 'Renamed in SQL');
    await expectSeenWithinBound(b, committed, 'Renamed in SQL');
  });

  it('reads its own writes at once, without waiting for any notification', async () => {
    // A third instance whose listener and poller are stopped: only read-your-writes can move its generation.
    const c = await createTestApp({ databaseUrl: a.databaseUrl, env: { SCHEDULER_ENABLED: 'false' } });
    try {
      await generationOf(c).beforeApplicationShutdown();
      for (const title of ['Own write 1', 'Own write 2']) {
        await titleOn(c); // warm
        const etag = (await request(c.http).get(`/api/admin/posts/${id}`).set(bearer(token)).expect(200)).headers.etag;
        await request(c.http).patch(`/api/admin/posts/${id}`).set(bearer(token)).set('If-Match', etag).send({ title }).expect(200);
        expect(await titleOn(c)).toBe(title);
      }
      // The same through a GraphQL mutation.
      await titleOn(c);
      const version = (await c.prisma.post.findUniqueOrThrow({ where: { id } })).version;
      const mutation = `mutation($id: ID!, $version: Int!) { updatePost(id: $id, version: $version, input: { title: "Own write 3" }) { title } }`;
      const res = await request(c.http).post('/graphql').set(bearer(token)).send({ query: mutation, variables: { id, version } }).expect(200);
      expect(res.body.errors).toBeUndefined();
      expect(await titleOn(c)).toBe('Own write 3');
    } finally {
      await c.close();
    }
  });

  it('keeps the bound while the listener connection is killed, and listens again afterwards', async () => {
    expect(await killListeners()).toBe(2);
    await waitFor(() => !generationOf(b).listening, 10_000);
    await titleOn(b);
    const whileDown = await rename('Renamed while the listener was down');
    await expectSeenWithinBound(b, whileDown, 'Renamed while the listener was down');

    // Reconnected (with backoff): notifications drive the generation again.
    await waitFor(() => generationOf(a).listening && generationOf(b).listening, 30_000);
    await titleOn(b);
    const afterReconnect = await rename('Renamed after the listener came back');
    await expectSeenWithinBound(b, afterReconnect, 'Renamed after the listener came back');
    await expectSeenWithinBound(a, afterReconnect, 'Renamed after the listener came back');
  });
});
