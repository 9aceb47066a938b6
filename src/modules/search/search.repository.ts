import { Injectable } from '@nestjs/common';
import { POST_SUMMARY_COLUMNS, publishedPostSql } from '../../database/post-summary.sql';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import type { PostSummaryRow } from '../posts/posts.repository';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './domain/snippet';
import type { SearchBound } from './domain/search-cursor';

export type SearchRow = PostSummaryRow & { rank: number; rawSnippet: string };

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2`;
const MARKERS = HIGHLIGHT_START + HIGHLIGHT_STOP;

/** Full-text search over the trigger-maintained `posts.search_vector` (GIN index). */
@Injectable()
export class SearchRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page of published matches, by ts_rank_cd (length-normalised) desc then id, after the optional
   * keyset bound. Headlines are computed for the page rows only. An empty tsquery matches nothing.
   */
  searchPublished(query: string, take: number, bound: SearchBound | null, now = new Date()): Promise<SearchRow[]> {
    const after = bound
      ? Prisma.sql`(h.rank < ${bound.rank}::float8 OR (h.rank = ${bound.rank}::float8 AND h.id > ${bound.id}::uuid))`
      : Prisma.sql`TRUE`;
    return this.prisma.$queryRaw<SearchRow[]>`
      WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
      hits AS (
        SELECT p.id, ts_rank_cd(p.search_vector, q.query, 1)::float8 AS rank
        FROM posts p CROSS JOIN q
        WHERE p.search_vector @@ q.query AND ${publishedPostSql(now)}
      ),
      page AS (
        SELECT h.id, h.rank FROM hits h WHERE ${after} ORDER BY h.rank DESC, h.id LIMIT ${take}
      )
      SELECT ${POST_SUMMARY_COLUMNS}, page.rank,
             ts_headline('english', translate(p.plaintext, ${MARKERS}, ''), q.query, ${HEADLINE_OPTIONS}) AS "rawSnippet"
      FROM page JOIN posts p ON p.id = page.id CROSS JOIN q
      ORDER BY page.rank DESC, page.id`;
  }

  /** How many published posts match in all (GIN index; no ranking, no headlines). */
  async countPublished(query: string, now = new Date()): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM posts p
      WHERE p.search_vector @@ websearch_to_tsquery('english', ${query}) AND ${publishedPostSql(now)}`;
    return row?.total ?? 0;
  }
}
