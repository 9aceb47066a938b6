import type { TestApp } from './create-test-app';

/**
 * Waits until the background refresh has drained related_refresh_queue (every queued write, including
 * debounced ones, has been applied to the lists). Throws after `deadlineMs`.
 */
export async function waitForRelatedRefresh(t: Pick<TestApp, 'prisma'>, deadlineMs = 60_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const [{ pending }] = await t.prisma.$queryRaw<{ pending: number }[]>`SELECT count(*)::int AS pending FROM related_refresh_queue`;
    if (pending === 0) return;
    if (Date.now() > until) throw new Error(`related-posts refresh did not converge within ${deadlineMs} ms (${pending} queued)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls `probe` until it returns true (e.g. a list reflects a write); throws after `deadlineMs`. */
export async function eventually(probe: () => Promise<boolean>, what: string, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > until) throw new Error(`timed out after ${deadlineMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
