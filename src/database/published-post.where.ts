import type { Prisma } from '../generated/prisma/client';

/** The public visibility rule: published, and its publication time has come. */
export function publishedPostWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { status: 'PUBLISHED', publishedAt: { lte: now } };
}
