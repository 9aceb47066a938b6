import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../database/prisma.service';
import { sqlRows } from '../../../database/sql-rows';
import { Prisma } from '../../../generated/prisma/client';
// The post visibility rule and the label count live with the post read model (posts/data).
import { labelPostCount } from '../../posts/data/post-read-model';
import type { LabelKind } from '../label-kind';
import { AdminLabelRow, LABEL_TABLES, labelJson, LabelReadRows, labelTable } from './label-read-model';

/** Label reads of every kind, each one statement with the label's library image. */
@Injectable()
export class LabelsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page of the labels of `kind` on at least one public post, by name, with the total, in one
   * statement. Counts come from the trigger-kept `published_post_count` (see labelPostCount).
   */
  async findPublicPage<K extends LabelKind>(kind: K, skip: number, take: number, now = new Date()): Promise<{ rows: LabelReadRows[K][]; total: number }> {
    const [result] = await sqlRows<{ rows: LabelReadRows[K][]; total: number }>(
      this.prisma.readPool,
      Prisma.sql`
        WITH visible AS MATERIALIZED (
          SELECT * FROM (SELECT t.*, ${labelPostCount(kind, 't', now)} AS post_count FROM ${labelTable(kind)} t WHERE t.published_post_count > 0) c
          WHERE c.post_count > 0
        ), page AS (
          SELECT * FROM visible ORDER BY name, id LIMIT ${take} OFFSET ${skip}
        )
        SELECT (SELECT count(*)::int FROM visible) AS total,
               (SELECT COALESCE(json_agg(${labelJson(kind, 'page', Prisma.sql`page.post_count`)} ORDER BY page.name, page.id), '[]'::json) FROM page) AS rows`,
    );
    return result;
  }

  findPublicById<K extends LabelKind>(kind: K, id: string, now = new Date()): Promise<LabelReadRows[K] | null> {
    return this.findPublicOne(kind, Prisma.sql`t.id = ${id}::uuid`, now);
  }

  findPublicBySlug<K extends LabelKind>(kind: K, slug: string, now = new Date()): Promise<LabelReadRows[K] | null> {
    return this.findPublicOne(kind, Prisma.sql`t.slug = ${slug}`, now);
  }

  private async findPublicOne<K extends LabelKind>(kind: K, where: Prisma.Sql, now: Date): Promise<LabelReadRows[K] | null> {
    const [row] = await sqlRows<{ label: LabelReadRows[K] }>(
      this.prisma.readPool,
      Prisma.sql`SELECT ${labelJson(kind, 'c', Prisma.sql`c.post_count`)} AS label
                 FROM (SELECT t.*, ${labelPostCount(kind, 't', now)} AS post_count FROM ${labelTable(kind)} t WHERE ${where}) c
                 WHERE c.post_count > 0`,
    );
    return row?.label ?? null;
  }

  /** Every label of `kind`, used or not (editor view), by name, with the total. */
  async findAllPage<K extends LabelKind>(kind: K, skip: number, take: number, now = new Date()): Promise<{ rows: AdminLabelRow<K>[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.findAdmin(kind, Prisma.sql`TRUE ORDER BY t.name, t.id LIMIT ${take} OFFSET ${skip}`, now),
      sqlRows<{ total: number }>(this.prisma.readPool, Prisma.sql`SELECT count(*)::int AS total FROM ${labelTable(kind)}`),
    ]);
    return { rows, total };
  }

  async findAnyById<K extends LabelKind>(kind: K, id: string, now = new Date()): Promise<AdminLabelRow<K> | null> {
    const [row] = await this.findAdmin(kind, Prisma.sql`t.id = ${id}::uuid`, now);
    return row ?? null;
  }

  private async findAdmin<K extends LabelKind>(kind: K, whereAndOrder: Prisma.Sql, now: Date): Promise<AdminLabelRow<K>[]> {
    const rows = await sqlRows<{ label: LabelReadRows[K]; createdAt: Date; updatedAt: Date }>(
      this.prisma.readPool,
      Prisma.sql`SELECT ${labelJson(kind, 't', labelPostCount(kind, 't', now))} AS label, t.created_at AS "createdAt", t.updated_at AS "updatedAt"
                 FROM ${labelTable(kind)} t WHERE ${whereAndOrder}`,
    );
    return rows.map((row) => ({ ...row.label, createdAt: row.createdAt, updatedAt: row.updatedAt }));
  }

  /** Labels of many posts (any status: the editor API) in one statement, in each post's order. */
  async findByPostIds<K extends LabelKind>(kind: K, postIds: readonly string[], now = new Date()): Promise<Map<string, LabelReadRows[K][]>> {
    const byPost = new Map<string, LabelReadRows[K][]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const { links, linkColumn } = LABEL_TABLES[kind];
    const rows = await sqlRows<{ postId: string; label: LabelReadRows[K] }>(
      this.prisma.readPool,
      Prisma.sql`
        SELECT x.post_id::text AS "postId", ${labelJson(kind, 't', labelPostCount(kind, 't', now))} AS label
        FROM ${Prisma.raw(links)} x JOIN ${labelTable(kind)} t ON t.id = x.${Prisma.raw(linkColumn)}
        WHERE x.post_id = ANY(${[...postIds]}::uuid[])
        ORDER BY x.post_id, x.position`,
    );
    for (const row of rows) byPost.get(row.postId)?.push(row.label);
    return byPost;
  }
}
