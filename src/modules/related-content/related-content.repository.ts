import { Injectable } from '@nestjs/common';
import { POST_SUMMARY_COLUMNS, publishedPostSql } from '../../database/post-summary.sql';
import { PrismaService } from '../../database/prisma.service';
import { publishedPostWhere } from '../../database/published-post.where';
import type { PostSummaryRow } from '../posts/posts.repository';

export type RelatedRow = PostSummaryRow & { sourceId: string };

/** Reads the precomputed `related_posts` lists (filled by the refresh_related_posts SQL functions). */
@Injectable()
export class RelatedContentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The top `limit` visible related posts of each source post, in rank order, in one statement.
   * Visibility is checked at read time, so a post unpublished or rescheduled since the last refresh never shows.
   */
  findTopForPosts(sourceIds: readonly string[], limit: number, now = new Date()): Promise<RelatedRow[]> {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRaw<RelatedRow[]>`
      SELECT ranked.source_id AS "sourceId", ${POST_SUMMARY_COLUMNS}
      FROM (
        SELECT r.post_id::text AS source_id, r.related_post_id, r.rank,
               row_number() OVER (PARTITION BY r.post_id ORDER BY r.rank) AS position
        FROM related_posts r
        JOIN posts p ON p.id = r.related_post_id
        WHERE r.post_id = ANY(${[...sourceIds]}::uuid[]) AND ${publishedPostSql(now)}
      ) ranked
      JOIN posts p ON p.id = ranked.related_post_id
      WHERE ranked.position <= ${limit}
      ORDER BY ranked.source_id, ranked.rank`;
  }

  /** Id of a visible post by id or slug, or null (the related routes answer 404 for anything else). */
  async findVisibleId(by: { id: string } | { slug: string }, now = new Date()): Promise<string | null> {
    const row = await this.prisma.post.findFirst({ where: { ...by, ...publishedPostWhere(now) }, select: { id: true } });
    return row?.id ?? null;
  }
}
