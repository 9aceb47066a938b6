import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

const FAST = { SCHEDULER_ENABLED: 'true', SCHEDULER_INTERVAL_MS: '100' };
const OFF = { SCHEDULER_ENABLED: 'false' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Scheduled posts written straight to the database (the editor API is not what is under test here). */
async function schedule(t: TestApp, count: number, publishedAt: Date): Promise<{ id: string; slug: string }[]> {
  const run = randomBytes(3).toString('hex');
  const data = Array.from({ length: count }, (_, i) => ({
    slug: `scheduled-${run}-${i}`,
    title: `Scheduled ${run} ${i}`,
    html: '<p>Soon.</p>',
    plaintext: 'Soon.',
    excerpt: 'Soon.',
    status: 'SCHEDULED' as const,
    publishedAt,
  }));
  return t.prisma.post.createManyAndReturn({ data, select: { id: true, slug: true } });
}

async function publications(t: TestApp, ids: string[]) {
  const [posts, audits, revisions] = await Promise.all([
    t.prisma.post.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true } }),
    t.prisma.auditEntry.findMany({ where: { action: 'post.published', targetId: { in: ids } }, select: { targetId: true, tokenId: true, details: true } }),
    t.prisma.postRevision.findMany({ where: { postId: { in: ids } }, select: { postId: true, number: true, tokenId: true, snapshot: true } }),
  ]);
  return { posts, audits, revisions };
}

function expectPublishedOnce(result: Awaited<ReturnType<typeof publications>>, ids: string[]) {
  expect(result.posts).toHaveLength(ids.length);
  for (const post of result.posts) expect(post).toMatchObject({ status: 'PUBLISHED', version: 2 });
  for (const id of ids) {
    const audits = result.audits.filter((a) => a.targetId === id);
    const revisions = result.revisions.filter((r) => r.postId === id);
    expect(audits).toEqual([{ targetId: id, tokenId: null, details: { scheduled: true } }]);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ number: 1, tokenId: null, snapshot: expect.objectContaining({ status: 'PUBLISHED' }) });
  }
}

describe('post scheduler', () => {
  it('makes a scheduled post publicly visible within 5 s of its time', async () => {
    const t = await createTestApp({ seed: true, env: FAST });
    try {
      const due = new Date(Date.now() + 1000);
      const [post] = await schedule(t, 1, due);
      await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(404);
      await waitFor(async () => ((await request(t.http).get(`/api/posts/slug/${post.slug}`)).status === 200 ? true : undefined), 10_000);
      const visibleAfterMs = Date.now() - due.getTime();
      expect(visibleAfterMs).toBeLessThan(5000);
      const res = await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200);
      expect(res.body.data).toMatchObject({ id: post.id, status: 'PUBLISHED', publishedAt: due.toISOString(), version: 2 });
      expectPublishedOnce(await publications(t, [post.id]), [post.id]);
    } finally {
      await t.close();
    }
  });

  it('leaves posts scheduled for later alone', async () => {
    const t = await createTestApp({ env: FAST });
    try {
      const [later] = await schedule(t, 1, new Date(Date.now() + 3_600_000));
      await sleep(500);
      const row = await t.prisma.post.findUniqueOrThrow({ where: { id: later.id }, select: { status: true, version: true } });
      expect(row).toEqual({ status: 'SCHEDULED', version: 1 });
      expect(await t.prisma.auditEntry.count({ where: { targetId: later.id } })).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('publishes each due post exactly once with two instances on one database', async () => {
    const owner = await createTestApp({ env: OFF });
    const a = await createTestApp({ databaseUrl: owner.databaseUrl, env: { ...FAST, SCHEDULER_INTERVAL_MS: '20' } });
    const b = await createTestApp({ databaseUrl: owner.databaseUrl, env: { ...FAST, SCHEDULER_INTERVAL_MS: '20' } });
    try {
      // More than one batch (50), all due at once, while both instances poll.
      const posts = await schedule(owner, 120, new Date(Date.now() - 1000));
      const ids = posts.map((p) => p.id);
      await waitFor(async () => ((await owner.prisma.post.count({ where: { id: { in: ids }, status: 'PUBLISHED' } })) === ids.length ? true : undefined), 15_000);
      await sleep(300); // let any duplicate attempt land before counting
      expectPublishedOnce(await publications(owner, ids), ids);
    } finally {
      await a.close();
      await b.close();
      await owner.close();
    }
  });

  it('publishes posts that fell due while no instance was running, once, on the next start', async () => {
    const owner = await createTestApp({ env: OFF });
    try {
      const first = await createTestApp({ databaseUrl: owner.databaseUrl, env: FAST });
      await first.close();
      const posts = await schedule(owner, 3, new Date(Date.now() - 60_000));
      const ids = posts.map((p) => p.id);
      await sleep(300);
      expect(await owner.prisma.post.count({ where: { id: { in: ids }, status: 'SCHEDULED' } })).toBe(3);

      const second = await createTestApp({ databaseUrl: owner.databaseUrl, env: FAST });
      await waitFor(async () => ((await owner.prisma.post.count({ where: { id: { in: ids }, status: 'PUBLISHED' } })) === 3 ? true : undefined), 5000);
      await second.close();
      const third = await createTestApp({ databaseUrl: owner.databaseUrl, env: FAST });
      await sleep(300);
      await third.close();
      expectPublishedOnce(await publications(owner, ids), ids);
    } finally {
      await owner.close();
    }
  });
});
