import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma } from '../../generated/prisma/client';
import { isPublicPost, LABELS, labelPostCount, POST_COLUMNS, type PostIdsRow, type PostReadRow, relationColumns } from '../posts/data/post-read-model';
import { PostRowsReader } from '../posts/data/post-rows-read-model';
import type { PostOwner } from './domain/post-owner';

/** A post of one owner, or (id null) the owner's empty page, which still carries its total. */
export type OwnedPostRow = PostReadRow & { ownerId: string; total: number };

/** Published posts of many tags or authors at once, newest first (Tag.posts / Author.posts). */
@Injectable()
export class PostListingsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postRows: PostRowsReader,
  ) {}

  /**
   * Up to `take` posts per owner after the optional (publishedAt, id) bound, with tags and authors,
   * plus each owner's total (its trigger-kept post count), in one statement whatever the number of owners.
   */
  async findPublishedByOwners(
    owner: PostOwner,
    ownerIds: readonly string[],
    take: number,
    bound: { publishedAt: Date; id: string } | null,
    now = new Date(),
  ): Promise<OwnedPostRow[]> {
    if (ownerIds.length === 0) return [];
    const { table, links, column } = LABELS[owner];
    const after = bound ? Prisma.sql`AND (p.published_at, p.id) < (${bound.publishedAt}::timestamptz, ${bound.id}::uuid)` : Prisma.empty;
    const rows = await this.postRows.read<PostIdsRow & { ownerId: string; total: number; id: string | null }>(
      Prisma.sql`
        SELECT o.id::text AS "ownerId", ${labelPostCount(owner, 'o', now)} AS total, posts.*
        FROM ${table} o
        LEFT JOIN LATERAL (
          SELECT ${POST_COLUMNS}, ${relationColumns()}, p.published_at AS sort_at, p.id AS sort_id
          FROM ${links} l JOIN posts p ON p.id = l.post_id
          WHERE l.${column} = o.id AND ${isPublicPost(now)} ${after}
          ORDER BY p.published_at DESC, p.id DESC LIMIT ${take}
        ) posts ON true
        WHERE o.id = ANY(${[...ownerIds]}::uuid[])
        ORDER BY o.id, posts.sort_at DESC, posts.sort_id DESC`,
      now,
    );
    return rows;
  }
}
