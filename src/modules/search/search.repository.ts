import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import { isPublicDocument, POST_COLUMNS, type PostIdsRow, type PostReadRow, relationColumns } from '../posts/data/post-read-model';
import { PostRowsReader } from '../posts/data/post-rows-read-model';
import { SEARCHABLE_KINDS } from '../posts/domain/document-kind';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './domain/snippet';
import type { SearchBound } from './domain/search-cursor';
import { MATCH_EVERY_UP_TO, SEARCH_CANDIDATES, toSearchText } from './domain/search-query';

export type SearchRow = PostReadRow & { rank: number; rawSnippet: string };

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2`;
const MARKERS = HIGHLIGHT_START + HIGHLIGHT_STOP;

/** Characters of plain text around the first likely match that the headline is computed from. */
const WINDOW_BEFORE = 300;
const WINDOW_LENGTH = 1500;

/**
 * The headline of `posts p` from a window of its plain text around the first place one of the query's
 * words appears, or NULL when there is none or the window holds no real match (then the caller takes the
 * whole text). ts_headline parses all the text it is given: over a ~10 KB body that was most of a search's
 * database time. A word is located by the start of its stem (`librari` → `librar`, which `library` and
 * `libraries` contain), as a literal (`***=`) matched without case, so the window is only a guess;
 * ts_headline still decides what matches. `OFFSET 0` keeps the headline a subquery of its own: flattened,
 * it was computed twice, once for the WHERE test and once for the output.
 */
function headlineNearFirstMatch(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT h.headline FROM (
      SELECT min(NULLIF(regexp_instr(p.plaintext, '***=' || left(stem[1], GREATEST(3, length(stem[1]) - 2)), 1, 1, 0, 'i'), 0)) AS at
      FROM regexp_matches(querytree(${tsquery}), '''([^'']+)''', 'g') AS stem
    ) first
    CROSS JOIN LATERAL (
      SELECT ts_headline('english', translate(substr(p.plaintext, GREATEST(1, first.at - ${WINDOW_BEFORE}), ${WINDOW_LENGTH}), ${MARKERS}, ''),
                         ${tsquery}, ${HEADLINE_OPTIONS}) AS headline
      OFFSET 0
    ) h
    WHERE first.at IS NOT NULL AND strpos(h.headline, ${HIGHLIGHT_START}) > 0`;
}

/**
 * Full-text search over the trigger-maintained `posts.search_vector` (GIN index), posts and pages alike.
 * On the search pool, not the read pool: on a large blog the best plan depends on the words (a rare one
 * through the GIN index, a common one by walking the newest posts), so it is planned for each query's values.
 */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postRows: PostRowsReader,
  ) {}

  /**
   * One page of at most `take` hits, the total and how many candidates lie after the bound (this page
   * included), in one statement. Candidates are the newest SEARCH_CANDIDATES public matches; only those
   * are ranked, by ts_rank_cd (length-normalised) desc then id, after the optional keyset bound.
   * Headlines, tags and authors are computed for the page rows only. An empty tsquery matches nothing.
   *
   * The candidates come one of two ways, chosen in the statement by the size of `posts` (see
   * MATCH_EVERY_UP_TO): every match through the GIN index alone, then the newest of them; or a walk of
   * the newest public documents that tests each one's vector and stops at SEARCH_CANDIDATES. The walk
   * costs a detoasted vector per document it passes, so it only pays on a large blog, where the planner
   * (which does not cost detoasting) chooses between it and the index per word.
   */
  async searchPublished(
    query: string,
    take: number,
    bound: SearchBound | null,
    { now = new Date(), matchEveryUpTo = MATCH_EVERY_UP_TO }: { now?: Date; matchEveryUpTo?: number } = {},
  ): Promise<{ rows: SearchRow[]; total: number; remaining: number }> {
    const tsquery = Prisma.sql`websearch_to_tsquery('english', ${toSearchText(query)})`;
    const after = bound
      ? Prisma.sql`WHERE (r.rank < ${bound.rank}::float8 OR (r.rank = ${bound.rank}::float8 AND r.id > ${bound.id}::uuid))`
      : Prisma.empty;
    // The planner's own row count (-1 before the table was first analysed: a new, small blog).
    const small = Prisma.sql`(SELECT c.reltuples <= ${matchEveryUpTo}::float4 FROM pg_class c WHERE c.oid = 'posts'::regclass)`;
    const isPublic = isPublicDocument(SEARCHABLE_KINDS, now);
    const rows = await this.postRows.read<PostIdsRow & { rank: number; rawSnippet: string; total: number; remaining: number; id: string | null }>(
      Prisma.sql`
        WITH matches AS MATERIALIZED (
          SELECT p.id, p.kind, p.status, p.published_at, p.search_vector FROM posts p WHERE p.search_vector @@ ${tsquery}
        ), candidates AS MATERIALIZED (
          SELECT n.id, ts_rank_cd(n.search_vector, ${tsquery}, 1)::float8 AS rank FROM (
            (SELECT p.id, p.search_vector FROM matches p WHERE ${small} AND ${isPublic}
             ORDER BY p.published_at DESC, p.id DESC LIMIT ${SEARCH_CANDIDATES})
            UNION ALL
            (SELECT p.id, p.search_vector FROM posts p WHERE NOT ${small} AND p.search_vector @@ ${tsquery} AND ${isPublic}
             ORDER BY p.published_at DESC, p.id DESC LIMIT ${SEARCH_CANDIDATES})
          ) n
        ), unseen AS (
          SELECT r.id, r.rank FROM candidates r ${after}
        ), page AS (
          SELECT r.id, r.rank FROM unseen r ORDER BY r.rank DESC, r.id LIMIT ${take}
        )
        SELECT (SELECT count(*) FROM candidates)::int AS total, (SELECT count(*) FROM unseen)::int AS remaining, hit.*
        FROM (SELECT 1) one LEFT JOIN LATERAL (
          SELECT ${POST_COLUMNS}, ${relationColumns()}, page.rank, page.id AS "pageId",
                 COALESCE(near.headline, ts_headline('english', translate(p.plaintext, ${MARKERS}, ''), ${tsquery}, ${HEADLINE_OPTIONS})) AS "rawSnippet"
          FROM page JOIN posts p ON p.id = page.id
          LEFT JOIN LATERAL (${headlineNearFirstMatch(tsquery)}) near ON true
        ) hit ON true
        ORDER BY hit.rank DESC, hit."pageId"`,
      now,
      this.prisma.searchPool,
    );
    return { rows: rows.filter((row) => row.id !== null), total: rows[0]?.total ?? 0, remaining: rows[0]?.remaining ?? 0 };
  }
}
