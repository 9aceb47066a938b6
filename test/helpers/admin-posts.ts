import request from 'supertest';
import type { TestApp } from './create-test-app';
import { bearer } from './tokens';

let serial = 0;

/** A unique, small valid create body. */
export function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: `Admin test post ${++serial} ${Date.now()}`, markdown: '## Hello\n\nA small body with a few words.', ...overrides };
}

/** Creates a draft over REST and returns its id, ETag and body. */
export async function createDraft(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const res = await request(t.http).post('/api/admin/posts').set(bearer(token)).send(draftBody(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.data.id as string, etag: res.headers.etag as string, post: res.body.data };
}

/** Row counts of everything a post write touches: a denied or failed write must leave them all unchanged. */
export async function writeCounts(t: TestApp) {
  const [posts, revisions, audit, tags, postTags, postAuthors, slugHistory, keys] = await Promise.all([
    t.prisma.post.count(),
    t.prisma.postRevision.count(),
    t.prisma.auditEntry.count({ where: { targetType: 'post' } }),
    t.prisma.tag.count(),
    t.prisma.postTag.count(),
    t.prisma.postAuthor.count(),
    t.prisma.postSlugHistory.count(),
    t.prisma.idempotencyKey.count(),
  ]);
  const versions = await t.prisma.post.aggregate({ _sum: { version: true } });
  return { posts, revisions, audit, tags, postTags, postAuthors, slugHistory, keys, versionSum: versions._sum.version ?? 0 };
}
