import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma } from '../../generated/prisma/client';
import { isPublicPost, POST_COLUMNS, type PostIdsRow, type PostReadRow, relationColumns } from '../posts/data/post-read-model';
import { PostRowsReader } from '../posts/data/post-rows-read-model';

export type RelatedRow = PostReadRow & { sourceId: string };

/** Reads the precomputed `related_posts` lists (filled by the refresh_related_posts SQL functions). */
@Injectable()
export class RelatedContentRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postRows: PostRowsReader,
  ) {}

  /**
   * The top `limit` visible related posts of each source post, in rank order, with their tags and
   * authors, in one statement. Visibility is checked at read time, so a post unpublished or
   * rescheduled since the last refresh never shows.
   */
  findTopForPosts(sourceIds: readonly string[], limit: number, now = new Date()): Promise<RelatedRow[]> {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return this.postRows.read<PostIdsRow & { sourceId: string }>(
      Prisma.sql`
        SELECT src.id::text AS "sourceId", ${POST_COLUMNS}, ${relationColumns()}
        FROM unnest(${[...sourceIds]}::uuid[]) AS src(id)
        CROSS JOIN LATERAL (
          SELECT r.related_post_id, r.rank FROM related_posts r JOIN posts p ON p.id = r.related_post_id
          WHERE r.post_id = src.id AND ${isPublicPost(now)}
          ORDER BY r.rank LIMIT ${limit}
        ) top
        JOIN posts p ON p.id = top.related_post_id
        ORDER BY src.id, top.rank`,
      now,
    );
  }

  /** Id of a visible post by id or slug, or null (the related routes answer 404 for anything else). */
  async findVisibleId(by: { id: string } | { slug: string }, now = new Date()): Promise<string | null> {
    const where = 'id' in by ? Prisma.sql`p.id = ${by.id}::uuid` : Prisma.sql`p.slug = ${by.slug}`;
    const [row] = await sqlRows<{ id: string }>(this.prisma.readPool, Prisma.sql`SELECT p.id::text AS id FROM posts p WHERE ${where} AND ${isPublicPost(now)}`);
    return row?.id ?? null;
  }
}
