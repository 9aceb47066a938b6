import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { publishedPostSql } from '../../database/post-summary.sql';
import { publishedPostWhere } from '../../database/published-post.where';
import type { Prisma } from '../../generated/prisma/client';

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

  private visible(now: Date): Prisma.AuthorWhereInput {
    return { posts: { some: { post: publishedPostWhere(now) } } };
  }

  async findPublicPage(skip: number, take: number, now = new Date()): Promise<{ rows: AuthorRow[]; total: number }> {
    const where = this.visible(now);
    const [rows, total] = await Promise.all([
      this.prisma.author.findMany({ where, select: authorSelect(now), orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.author.count({ where }),
    ]);
    return { rows, total };
  }

  findPublicById(id: string, now = new Date()): Promise<AuthorRow | null> {
    return this.prisma.author.findFirst({ where: { id, ...this.visible(now) }, select: authorSelect(now) });
  }

  findPublicBySlug(slug: string, now = new Date()): Promise<AuthorRow | null> {
    return this.prisma.author.findFirst({ where: { slug, ...this.visible(now) }, select: authorSelect(now) });
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

  /** Authors of many posts in one statement, in each post's order (raw SQL for the reason given in TagsRepository). */
  async findByPostIds(postIds: readonly string[], now = new Date()): Promise<Map<string, AuthorRow[]>> {
    const byPost = new Map<string, AuthorRow[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const rows = await this.prisma.$queryRaw<
      { postId: string; id: string; slug: string; name: string; bio: string | null; avatarUrl: string | null; website: string | null; postCount: number }[]
    >`
      WITH links AS (
        SELECT post_id, author_id, position FROM post_authors WHERE post_id = ANY(${[...postIds]}::uuid[])
      ),
      counts AS (
        SELECT x.author_id, count(*)::int AS n
        FROM post_authors x JOIN posts p ON p.id = x.post_id
        WHERE x.author_id IN (SELECT author_id FROM links) AND ${publishedPostSql(now)}
        GROUP BY x.author_id
      )
      SELECT l.post_id::text AS "postId", a.id::text AS "id", a.slug, a.name, a.bio, a.avatar_url AS "avatarUrl", a.website,
             COALESCE(c.n, 0) AS "postCount"
      FROM links l JOIN authors a ON a.id = l.author_id LEFT JOIN counts c ON c.author_id = l.author_id
      ORDER BY l.post_id, l.position`;
    for (const { postId, postCount, ...author } of rows) byPost.get(postId)?.push({ ...author, _count: { posts: postCount } });
    return byPost;
  }
}
