import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma } from '../../generated/prisma/client';
// The post visibility rule and the label count live with the post read model (posts/data).
import { labelPostCount, publishedPostWhere, tagJson } from '../posts/data/post-read-model';
import type { TagModel } from './models/tag.model';

const tagSelect = (now: Date) =>
  ({
    id: true,
    slug: true,
    name: true,
    description: true,
    _count: { select: { posts: { where: { post: publishedPostWhere(now) } } } },
  }) satisfies Prisma.TagSelect;

export type TagRow = Prisma.TagGetPayload<{ select: ReturnType<typeof tagSelect> }>;

/** The editor's view of a tag: the public fields plus the timestamps its ETag is made of. */
export const adminTagSelect = (now: Date) =>
  ({ ...tagSelect(now), createdAt: true, updatedAt: true }) satisfies Prisma.TagSelect;

export type AdminTagRow = Prisma.TagGetPayload<{ select: ReturnType<typeof adminTagSelect> }>;

/** Public tag reads: only tags that label at least one published post. */
@Injectable()
export class TagsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page of the tags that label at least one public post, by name, with the total, in one
   * statement. Counts come from the trigger-kept `published_post_count` (see labelPostCount).
   */
  async findPublicPage(skip: number, take: number, now = new Date()): Promise<{ rows: TagModel[]; total: number }> {
    const [result] = await sqlRows<{ rows: TagModel[]; total: number }>(
      this.prisma.pool,
      Prisma.sql`
        WITH visible AS MATERIALIZED (
          SELECT * FROM (SELECT t.*, ${labelPostCount('tag', 't', now)} AS post_count FROM tags t WHERE t.published_post_count > 0) c
          WHERE c.post_count > 0
        ), page AS (
          SELECT * FROM visible ORDER BY name, id LIMIT ${take} OFFSET ${skip}
        )
        SELECT (SELECT count(*)::int FROM visible) AS total,
               (SELECT COALESCE(json_agg(${tagJson('page', Prisma.sql`page.post_count`)} ORDER BY page.name, page.id), '[]'::json) FROM page) AS rows`,
    );
    return result;
  }

  findPublicById(id: string, now = new Date()): Promise<TagModel | null> {
    return this.findPublicOne(Prisma.sql`t.id = ${id}::uuid`, now);
  }

  findPublicBySlug(slug: string, now = new Date()): Promise<TagModel | null> {
    return this.findPublicOne(Prisma.sql`t.slug = ${slug}`, now);
  }

  private async findPublicOne(where: Prisma.Sql, now: Date): Promise<TagModel | null> {
    const [row] = await sqlRows<TagModel>(
      this.prisma.pool,
      Prisma.sql`SELECT * FROM (SELECT t.id::text AS id, t.slug, t.name, t.description, ${labelPostCount('tag', 't', now)} AS "postCount" FROM tags t WHERE ${where}) v
                 WHERE v."postCount" > 0`,
    );
    return row ?? null;
  }

  /** Every tag, used or not (editor view), by name. */
  async findAllPage(skip: number, take: number, now = new Date()): Promise<{ rows: AdminTagRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.tag.findMany({ select: adminTagSelect(now), orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.tag.count(),
    ]);
    return { rows, total };
  }

  findAnyById(id: string, now = new Date()): Promise<AdminTagRow | null> {
    return this.prisma.tag.findUnique({ where: { id }, select: adminTagSelect(now) });
  }

  /** Tags of many posts (any status: the editor API) in one statement, in each post's order. */
  async findByPostIds(postIds: readonly string[], now = new Date()): Promise<Map<string, TagModel[]>> {
    const byPost = new Map<string, TagModel[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const rows = await sqlRows<{ postId: string; tag: TagModel }>(
      this.prisma.pool,
      Prisma.sql`
        SELECT x.post_id::text AS "postId", ${tagJson('t', labelPostCount('tag', 't', now))} AS "tag"
        FROM post_tags x JOIN tags t ON t.id = x.tag_id
        WHERE x.post_id = ANY(${[...postIds]}::uuid[])
        ORDER BY x.post_id, x.position`,
    );
    for (const row of rows) byPost.get(row.postId)?.push(row.tag);
    return byPost;
  }
}
