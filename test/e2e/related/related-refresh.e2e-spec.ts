import request from 'supertest';
import { PostWritesRepository } from '../../../src/modules/posts/post-writes.repository';
import { RelatedRefreshWorker } from '../../../src/modules/related-content/related-refresh.worker';
import { PostSchedulerService } from '../../../src/modules/scheduler/post-scheduler.service';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { eventually, waitForRelatedRefresh } from '../../helpers/related';
import { bearer, issueToken } from '../../helpers/tokens';

const SLOW = 240_000;

interface Made {
  id: string;
  slug: string;
  etag: string;
}

async function writer(t: TestApp) {
  return bearer(await issueToken(t, ['content:read', 'content:write', 'content:publish']));
}

async function createPost(t: TestApp, auth: Record<string, string>, body: Record<string, unknown>): Promise<Made> {
  const res = await request(t.http).post('/api/admin/posts').set(auth).send({ markdown: 'A short body.', ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.data.id, slug: res.body.data.slug, etag: res.headers.etag };
}

async function publish(t: TestApp, auth: Record<string, string>, post: Made, input: Record<string, unknown> = {}): Promise<Made> {
  const res = await request(t.http).post(`/api/admin/posts/${post.id}/publish`).set(auth).send(input);
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...post, etag: res.headers.etag };
}

async function patch(t: TestApp, auth: Record<string, string>, post: Made, body: Record<string, unknown>): Promise<Made> {
  const res = await request(t.http).patch(`/api/admin/posts/${post.id}`).set(auth).set('If-Match', post.etag).send(body);
  if (res.status !== 200) throw new Error(`patch failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...post, etag: res.headers.etag };
}

/** The stored list of a post (what the read side serves, before its visibility filter). */
async function storedList(t: TestApp, postId: string): Promise<string[]> {
  const rows = await t.prisma.relatedPost.findMany({ where: { postId }, orderBy: { rank: 'asc' }, select: { relatedPostId: true } });
  return rows.map((r) => r.relatedPostId);
}

describe('related lists after writes (background refresh)', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let target: Made;
  const fillers: Made[] = [];

  // A post about zeppelins, old, in a crowded tag: its list is full of tag neighbours. A textually close
  // post sharing no tag with it, and too old to be anyone's "recent" fill, must still reach that list.
  beforeAll(async () => {
    t = await createTestApp();
    auth = await writer(t);
    target = await createPost(t, auth, {
      title: 'Zeppelin mooring masts of the thirties',
      customExcerpt: 'How airship crews moored zeppelins to tall mooring masts.',
      tags: ['essays'],
    });
    target = await publish(t, auth, target, { publishedAt: '2020-01-01T00:00:00.000Z' });
    for (let i = 0; i < 12; i += 1) {
      const words = ['gardening', 'pottery', 'baking', 'knitting', 'cycling', 'running', 'chess', 'sailing', 'birding', 'fishing', 'hiking', 'painting'][i];
      const filler = await createPost(t, auth, { title: `Notes on ${words} number ${i}`, customExcerpt: `A few thoughts about ${words}.`, tags: ['essays'] });
      fillers.push(await publish(t, auth, filler));
    }
    await waitForRelatedRefresh(t);
  }, SLOW);
  afterAll(() => t?.close());

  it('keeps every list full: the target lists ten tag neighbours', async () => {
    const list = await storedList(t, target.id);
    expect(list).toHaveLength(10);
    expect(fillers.map((f) => f.id)).toEqual(expect.arrayContaining(list));
  });

  it('lets a textually close post that shares no tag enter a list once published, and leave it on unpublish, edit and delete', async () => {
    let close = await createPost(t, auth, {
      title: 'Zeppelin mooring masts and airship crews',
      customExcerpt: 'Airship crews moored zeppelins to tall mooring masts.',
      tags: ['aviation'],
    });
    await waitForRelatedRefresh(t);
    expect(await storedList(t, target.id)).not.toContain(close.id); // a draft is nobody's neighbour

    close = await publish(t, auth, close, { publishedAt: '2019-06-01T00:00:00.000Z' });
    await eventually(async () => (await storedList(t, target.id)).includes(close.id), 'the close post enters the target list');
    const served = (await request(t.http).get(`/api/posts/slug/${target.slug}/related?limit=10`).expect(200)).body.data;
    expect(served[0].slug).toBe(close.slug);
    expect(await storedList(t, target.id)).toHaveLength(10);

    // Edit its title and excerpt away from the subject: it falls out, and the list is refilled to ten.
    close = await patch(t, auth, close, { title: 'Sourdough starters for beginners', customExcerpt: 'Flour, water and patience.' });
    await eventually(async () => {
      const list = await storedList(t, target.id);
      return !list.includes(close.id) && list.length === 10;
    }, 'the edited post leaves the target list, which is refilled');

    // Back on the subject, and given the target's tag: it comes back, first.
    close = await patch(t, auth, close, {
      title: 'Zeppelin mooring masts and airship crews',
      customExcerpt: 'Airship crews moored zeppelins to tall mooring masts.',
      tags: ['aviation', 'essays'],
    });
    await eventually(async () => (await storedList(t, target.id))[0] === close.id, 'the re-edited post is first in the target list');

    const unpublished = await request(t.http).post(`/api/admin/posts/${close.id}/unpublish`).set(auth).send({}).expect(200);
    close = { ...close, etag: unpublished.headers.etag };
    await eventually(async () => {
      const list = await storedList(t, target.id);
      return !list.includes(close.id) && list.length === 10;
    }, 'the unpublished post leaves the target list, which is refilled');

    close = await publish(t, auth, close, { publishedAt: '2019-06-01T00:00:00.000Z' });
    await eventually(async () => (await storedList(t, target.id)).includes(close.id), 'the republished post is back');
    await request(t.http).delete(`/api/admin/posts/${close.id}`).set(auth).set('If-Match', close.etag).expect(204);
    await eventually(async () => {
      const list = await storedList(t, target.id);
      return !list.includes(close.id) && list.length === 10;
    }, 'the deleted post leaves the target list, which is refilled');
    await waitForRelatedRefresh(t);
    expect(await t.prisma.relatedTerms.count({ where: { postId: close.id } })).toBe(0);
  }, SLOW);

  it('refreshes after a scheduled publication', async () => {
    let scheduled = await createPost(t, auth, {
      title: 'Zeppelin mooring masts, a scheduled look',
      customExcerpt: 'Airship crews and zeppelins at the mooring masts.',
      tags: ['airships'],
    });
    scheduled = await publish(t, auth, scheduled, { publishAt: new Date(Date.now() + 1_500).toISOString() });
    await eventually(async () => (await t.app.get(PostSchedulerService).tick()).includes(scheduled.id), 'the scheduler publishes the post');
    await eventually(async () => (await storedList(t, target.id)).includes(scheduled.id), 'the scheduled post enters the target list');
    expect(await storedList(t, scheduled.id)).toContain(target.id);
  }, SLOW);
});

describe('related lists of a small blog', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('lists the 9 others of a 10-post blog with limit=10, even when they share nothing', async () => {
    t = await createTestApp();
    const auth = await writer(t);
    const topics = ['violins', 'glaciers', 'mortgages', 'tortoises', 'espresso', 'volcanoes', 'origami', 'satellites', 'lichens', 'harbours'];
    const posts: Made[] = [];
    for (const [i, topic] of topics.entries()) {
      const post = await createPost(t, auth, { title: `On ${topic}`, customExcerpt: `All about ${topic}.`, tags: [`topic-${i}`] });
      posts.push(await publish(t, auth, post));
    }
    await waitForRelatedRefresh(t);
    for (const post of posts) {
      const related = (await request(t.http).get(`/api/posts/slug/${post.slug}/related?limit=10`).expect(200)).body.data;
      expect(related.map((r: { id: string }) => r.id).sort()).toEqual(posts.filter((p) => p !== post).map((p) => p.id).sort());
    }
  }, SLOW);
});

describe('post writes in parallel', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('runs 20 concurrent creates side by side: no lock shared between posts inside the transaction', async () => {
    t = await createTestApp({ env: { DATABASE_POOL_SIZE: '40' } });
    const auth = await writer(t);
    // The tags exist beforehand: creating one same new tag from 20 transactions is serialised by its unique index.
    await createPost(t, auth, { title: 'Warm-up', tags: ['parallel', 'lane-0', 'lane-1', 'lane-2', 'lane-3'] });
    const writes = t.app.get(PostWritesRepository);
    // Every create waits, inside its transaction and after queueing its related refresh, until all 20
    // are there at once. Serialised writes (a global lock anywhere before this step) never get there.
    const n = 20;
    let inside = 0;
    let peak = 0;
    writes.faultHook = async (step) => {
      if (step !== 'audit') return;
      inside += 1;
      peak = Math.max(peak, inside);
      const until = Date.now() + 60_000;
      while (peak < n && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      inside -= 1;
    };
    const started = Date.now();
    const timings = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const begin = Date.now();
        await createPost(t, auth, { title: `Parallel post ${i}`, tags: ['parallel', `lane-${i % 4}`] });
        return Date.now() - begin;
      }),
    );
    writes.faultHook = undefined;
    expect(peak).toBe(n);
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`20 concurrent creates (held together inside the transaction): wall ${Date.now() - started} ms, p50 ${sorted[9]} ms, max ${sorted[n - 1]} ms`);
    expect(await t.prisma.post.count({ where: { title: { startsWith: 'Parallel post' } } })).toBe(n);
  }, SLOW);
});

describe('several instances', () => {
  let a: TestApp;
  let b: TestApp;
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('refresh each queued list exactly once between them (SKIP LOCKED claims)', async () => {
    // Workers not started on their own: both drain the same queue at once, on demand.
    a = await createTestApp({ env: { RELATED_REFRESH_ENABLED: 'false' } });
    b = await createTestApp({ databaseUrl: a.databaseUrl, env: { RELATED_REFRESH_ENABLED: 'false' } });
    const tag = await a.prisma.tag.create({ data: { slug: 'shared', name: 'Shared' } });
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    for (let i = 0; i < 60; i += 1) {
      await a.prisma.post.create({
        data: {
          slug: `queued-${i}`,
          title: `Queued post ${i} about harbours`,
          html: '<p>Harbours and ships.</p>',
          plaintext: 'Harbours and ships.',
          excerpt: `Harbours and ships, part ${i}.`,
          status: 'PUBLISHED',
          publishedAt: new Date(base + i * 60_000),
          tags: { create: [{ position: 0, tagId: tag.id }] },
        },
      });
    }
    const ids = (await a.prisma.post.findMany({ select: { id: true } })).map((p) => p.id);
    // Own lists only: a reverse refresh may legitimately queue its neighbours again.
    await a.prisma.$executeRaw`SELECT enqueue_related_refresh(${ids}::uuid[], false, 0)`;

    const seen: string[][] = [[], []];
    const workers = [a, b].map((t) => t.app.get(RelatedRefreshWorker));
    workers.forEach((w, i) => (w.onRefreshed = (claim) => seen[i].push(claim.postId)));
    await eventually(async () => {
      await Promise.all(workers.map((w) => w.drain()));
      return (await a.prisma.relatedRefreshQueue.count()) === 0;
    }, 'the queue is drained', 120_000);

    const all = [...seen[0], ...seen[1]];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...ids].sort());
    console.log(`two instances refreshed ${seen[0].length} + ${seen[1].length} lists`);
    for (const id of ids) expect(await a.prisma.relatedPost.count({ where: { postId: id } })).toBe(10);
  }, SLOW);

  it('stops cleanly: stop() waits for the refresh in progress and takes no more work', async () => {
    const worker = a.app.get(RelatedRefreshWorker);
    const [post] = await a.prisma.post.findMany({ take: 1, select: { id: true } });
    await a.prisma.$executeRaw`SELECT enqueue_related_refresh(${[post.id]}::uuid[], false, 0)`;
    await worker.stop();
    expect(await worker.drain()).toBe(0);
    expect(await a.prisma.relatedRefreshQueue.count()).toBe(1);
  });
});
