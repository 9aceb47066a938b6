import { Injectable } from '@nestjs/common';
import { POST_SUMMARY_COLUMNS, publishedPostSql } from '../../database/post-summary.sql';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import type { PostSummaryRow } from '../posts/posts.repository';

import type { PostOwner } from './domain/post-owner';
export type OwnedPostRow = PostSummaryRow & { ownerId: string; total: number };

// Constant identifiers only: never built from input.
const LINKS: Record<PostOwner, { table: Prisma.Sql; column: Prisma.Sql }> = {
  tag: { table: Prisma.raw('post_tags'), column: Prisma.raw('tag_id') },
  author: { table: Prisma.raw('post_authors'), column: Prisma.raw('author_id') },
};

/** Published posts of many tags or authors at once, newest first (Tag.posts / Author.posts). */
@Injectable()
export class PostListingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Up to `take` posts per owner after the optional (publishedAt, id) bound, plus each owner's total,
   * in one statement whatever the number of owners.
   */
  findPublishedByOwners(
    owner: PostOwner,
    ownerIds: readonly string[],
    take: number,
    bound: { publishedAt: Date; id: string } | null,
    now = new Date(),
  ): Promise<OwnedPostRow[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    const { table, column } = LINKS[owner];
    const after = bound ? Prisma.sql`(v.published_at, v.id) < (${bound.publishedAt}, ${bound.id}::uuid)` : Prisma.sql`TRUE`;
    return this.prisma.$queryRaw<OwnedPostRow[]>`
      WITH visible AS (
        SELECT l.${column} AS owner_id, p.id, p.published_at, count(*) OVER (PARTITION BY l.${column}) AS total
        FROM ${table} l JOIN posts p ON p.id = l.post_id
        WHERE l.${column} = ANY(${[...ownerIds]}::uuid[]) AND ${publishedPostSql(now)}
      ), ranked AS (
        SELECT v.*, row_number() OVER (PARTITION BY v.owner_id ORDER BY v.published_at DESC, v.id DESC) AS position
        FROM visible v WHERE ${after}
      )
      SELECT r.owner_id::text AS "ownerId", r.total::int AS total, ${POST_SUMMARY_COLUMNS}
      FROM ranked r JOIN posts p ON p.id = r.id
      WHERE r.position <= ${take}
      ORDER BY r.owner_id, r.position`;
  }
}
