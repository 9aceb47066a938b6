import { randomBytes } from 'node:crypto';
import { ContentGenerationService } from '../../src/modules/response-cache/content-generation.service';
import type { TestApp } from './create-test-app';

/** A published post inserted straight in SQL (no editor pipeline): fast, and a commit like any other. */
export async function publishedPost(t: TestApp, overrides: { title?: string; slug?: string } = {}) {
  const slug = overrides.slug ?? `cached-${randomBytes(4).toString('hex')}`;
  return t.prisma.post.create({
    data: {
      slug,
      title: overrides.title ?? `Post ${slug}`,
      html: '<p>Some words.</p>',
      plaintext: 'Some words.',
      excerpt: 'Some words.',
      status: 'PUBLISHED',
      publishedAt: new Date(Date.now() - 60_000),
    },
  });
}

/** Polls `condition` until it holds; fails after `deadlineMs`. Returns the time it took. */
export async function waitFor(condition: () => boolean | Promise<boolean>, deadlineMs: number, everyMs = 10): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - start;
    if (Date.now() - start > deadlineMs) throw new Error(`condition not met within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * After a test writes behind the API's back (Prisma or SQL), the response cache learns of the commit
 * through LISTEN, within a second. This reads the committed generation now, as the API's own write path
 * does before it answers, so the next public read cannot be a stale hit.
 */
export async function noticeDirectWrites(t: TestApp): Promise<void> {
  await t.app.get(ContentGenerationService).refresh();
}
