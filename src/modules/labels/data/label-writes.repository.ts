import { Inject, Injectable } from '@nestjs/common';
import { nextUpdatedAt } from '../../../common/concurrency/updated-at-etag';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { PrismaService } from '../../../database/prisma.service';
import { mapPrismaError } from '../../../database/prisma-errors';
import { Prisma } from '../../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../../audit/audit.repository';
import { enqueueRelatedRefresh } from '../../related-content/related-refresh.repository';
import type { SocialLinks } from '../domain/social-links';
import type { LabelAuditAction, LabelKind } from '../label-kind';
import { LABEL_TABLES } from './label-read-model';

/** Columns (Prisma field names) a write may set, per kind: the shared ones and the kind's own. */
interface SharedFields {
  slug: string;
  name: string;
  social: SocialLinks;
}
export interface LabelFields {
  tag: SharedFields & { description: string | null; imageMediaId: string | null };
  author: SharedFields & { bio: string | null; avatarUrl: string | null; website: string | null; avatarMediaId: string | null };
}

export type LabelAudit = Omit<AuditRecord, 'targetType' | 'targetId' | 'action'> & { action: LabelAuditAction };

type Db = Prisma.TransactionClient;

/** The part of a Prisma table delegate the writes use; tags and authors share these shapes. */
interface LabelTableClient {
  findMany(args: { where: object; select: { slug: true } }): Promise<{ slug: string }[]>;
  create(args: { data: object; select: { id: true } }): Promise<{ id: string }>;
  updateMany(args: { where: { id: string; updatedAt: Date }; data: object }): Promise<{ count: number }>;
  delete(args: { where: { id: string }; select: { id: true } }): Promise<{ id: string }>;
}

// Prisma's generated delegates are generic per model; both fit LabelTableClient.
const CLIENTS: Record<LabelKind, (db: Db) => LabelTableClient> = {
  tag: (db) => db.tag as unknown as LabelTableClient,
  author: (db) => db.author as unknown as LabelTableClient,
};

/** Label writes of every kind: each one transaction with its audit row. */
@Injectable()
export class LabelWritesRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `base` and its numbered forms (`base-2`, …) that are taken. */
  async slugsInFamily(kind: LabelKind, base: string): Promise<Set<string>> {
    const rows = await CLIENTS[kind](this.prisma).findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    return new Set(rows.map((r) => r.slug));
  }

  /** The new label's id. Throws CONFLICT when the slug is taken (also when a concurrent insert took it first). */
  async insert<K extends LabelKind>(kind: K, data: LabelFields[K], audit: LabelAudit): Promise<string> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { id } = await CLIENTS[kind](tx).create({ data, select: { id: true } });
        await tx.auditEntry.create({ data: auditEntryData({ ...audit, targetType: kind, targetId: id }), select: { id: true } });
        return id;
      });
    } catch (error) {
      mapPrismaError(error, `${LABEL_TABLES[kind].title} slug "${data.slug}"`);
    }
  }

  /** Applies `data` only if the label still has `expected` as updatedAt; false when it changed or vanished. */
  async update<K extends LabelKind>(kind: K, id: string, expected: Date, data: Partial<LabelFields[K]>, audit: LabelAudit): Promise<boolean> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { count } = await CLIENTS[kind](tx).updateMany({ where: { id, updatedAt: expected }, data: { ...data, updatedAt: nextUpdatedAt(expected) } });
        if (count === 0) return false;
        await tx.auditEntry.create({ data: auditEntryData({ ...audit, targetType: kind, targetId: id }), select: { id: true } });
        // A tag rename re-indexes the tagged posts for search by trigger; related-post scores use ids only.
        return true;
      });
    } catch (error) {
      mapPrismaError(error, `${LABEL_TABLES[kind].title} slug "${data.slug ?? ''}"`);
    }
  }

  /**
   * Deletes the label and its post links if it still has `expected` as updatedAt (false otherwise),
   * and, for kinds that take part in related-post scores, queues the refresh of the posts that had it.
   */
  delete(kind: LabelKind, id: string, expected: Date, audit: LabelAudit): Promise<boolean> {
    const { links, linkColumn, rescoresRelated } = LABEL_TABLES[kind];
    return this.prisma.$transaction(async (tx) => {
      // Locks the row and checks the precondition in one statement.
      const { count } = await CLIENTS[kind](tx).updateMany({ where: { id, updatedAt: expected }, data: { updatedAt: nextUpdatedAt(expected) } });
      if (count === 0) return false;
      // Links first, explicitly, so the search-vector trigger on post_tags re-indexes those posts.
      const unlinked = await tx.$queryRaw<{ postId: string }[]>(
        Prisma.sql`DELETE FROM ${Prisma.raw(links)} WHERE ${Prisma.raw(linkColumn)} = ${id}::uuid RETURNING post_id::text AS "postId"`,
      );
      await CLIENTS[kind](tx).delete({ where: { id }, select: { id: true } });
      if (rescoresRelated) {
        await enqueueRelatedRefresh(tx, unlinked.map((l) => l.postId), { reverse: true, delayMs: this.config.relatedRefresh.delayMs });
      }
      const details = { ...(audit.details as Record<string, unknown>), unlinkedPosts: unlinked.length };
      await tx.auditEntry.create({ data: auditEntryData({ ...audit, details, targetType: kind, targetId: id }), select: { id: true } });
      return true;
    }, { timeout: 30_000 });
  }
}
