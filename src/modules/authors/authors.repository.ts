import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma } from '../../generated/prisma/client';
// The post visibility rule and the label count live with the post read model (posts/data).
import { authorJson, labelPostCount, publishedPostWhere } from '../posts/data/post-read-model';
import type { AuthorModel } from './models/author.model';

const authorSelect = (now: Date) =>
  ({
    id: true,
    slug: true,
    name: true,
    bio: true,
    avatarUrl: true,
    website: true,
    _count: { select: { posts: { where: { post: publishedPostWhere(now) } } } },
  }) satisfies Prisma.AuthorSelect;

export type AuthorRow = Prisma.AuthorGetPayload<{ select: ReturnType<typeof authorSelect> }>;

/** The editor's view of an author: the public fields plus the timestamps its ETag is made of. */
export const adminAuthorSelect = (now: Date) =>
  ({ ...authorSelect(now), createdAt: true, updatedAt: true }) satisfies Prisma.AuthorSelect;

export type AdminAuthorRow = Prisma.AuthorGetPayload<{ select: ReturnType<typeof adminAuthorSelect> }>;

/** Public author reads: only authors with at least one published post are visible. */
@Injectable()
export class AuthorsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page of the authors that label at least one public post, by name, with the total, in one
   * statement. Counts come from the trigger-kept `published_post_count` (see labelPostCount).
   */
  async findPublicPage(skip: number, take: number, now = new Date()): Promise<{ rows: AuthorModel[]; total: number }> {
    const [result] = await sqlRows<{ rows: AuthorModel[]; total: number }>(
      this.prisma.pool,
      Prisma.sql`
        WITH visible AS MATERIALIZED (
          SELECT * FROM (SELECT t.*, ${labelPostCount('author', 't', now)} AS post_count FROM authors t WHERE t.published_post_count > 0) c
          WHERE c.post_count > 0
        ), page AS (
          SELECT * FROM visible ORDER BY name, id LIMIT ${take} OFFSET ${skip}
        )
        SELECT (SELECT count(*)::int FROM visible) AS total,
               (SELECT COALESCE(json_agg(${authorJson('page', Prisma.sql`page.post_count`)} ORDER BY page.name, page.id), '[]'::json) FROM page) AS rows`,
    );
    return result;
  }

  findPublicById(id: string, now = new Date()): Promise<AuthorModel | null> {
    return this.findPublicOne(Prisma.sql`t.id = ${id}::uuid`, now);
  }

  findPublicBySlug(slug: string, now = new Date()): Promise<AuthorModel | null> {
    return this.findPublicOne(Prisma.sql`t.slug = ${slug}`, now);
  }

  private async findPublicOne(where: Prisma.Sql, now: Date): Promise<AuthorModel | null> {
    const [row] = await sqlRows<AuthorModel>(
      this.prisma.pool,
      Prisma.sql`SELECT * FROM (SELECT t.id::text AS id, t.slug, t.name, t.bio, t.avatar_url AS "avatarUrl", t.website, ${labelPostCount('author', 't', now)} AS "postCount" FROM authors t WHERE ${where}) v
                 WHERE v."postCount" > 0`,
    );
    return row ?? null;
  }

  /** Every author, with or without posts (editor view), by name. */
  async findAllPage(skip: number, take: number, now = new Date()): Promise<{ rows: AdminAuthorRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.author.findMany({ select: adminAuthorSelect(now), orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.author.count(),
    ]);
    return { rows, total };
  }

  findAnyById(id: string, now = new Date()): Promise<AdminAuthorRow | null> {
    return this.prisma.author.findUnique({ where: { id }, select: adminAuthorSelect(now) });
  }

  /** Authors of many posts (any status: the editor API) in one statement, in each post's order. */
  async findByPostIds(postIds: readonly string[], now = new Date()): Promise<Map<string, AuthorModel[]>> {
    const byPost = new Map<string, AuthorModel[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const rows = await sqlRows<{ postId: string; author: AuthorModel }>(
      this.prisma.pool,
      Prisma.sql`
        SELECT x.post_id::text AS "postId", ${authorJson('a', labelPostCount('author', 'a', now))} AS "author"
        FROM post_authors x JOIN authors a ON a.id = x.author_id
        WHERE x.post_id = ANY(${[...postIds]}::uuid[])
        ORDER BY x.post_id, x.position`,
    );
    for (const row of rows) byPost.get(row.postId)?.push(row.author);
    return byPost;
  }
}
