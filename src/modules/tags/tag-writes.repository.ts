import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { nextUpdatedAt } from '../../common/concurrency/updated-at-etag';
import { PrismaService } from '../../database/prisma.service';
import { mapPrismaError } from '../../database/prisma-errors';
import { AuditRecord, auditEntryData } from '../audit/audit.repository';
import { enqueueRelatedRefresh } from '../related-content/related-refresh.repository';
import { adminTagSelect, AdminTagRow } from './tags.repository';

export interface TagFields {
  slug: string;
  name: string;
  description: string | null;
}

type TagAudit = Omit<AuditRecord, 'targetType' | 'targetId'>;
const TARGET = 'tag';

/** Tag writes: each one transaction with its audit row (and a related-posts refresh queued where scores change). */
@Injectable()
export class TagWritesRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `base` and its numbered forms (`base-2`, …) that are taken. */
  async slugsInFamily(base: string): Promise<Set<string>> {
    const rows = await this.prisma.tag.findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    return new Set(rows.map((r) => r.slug));
  }

  /** Throws CONFLICT when the slug is taken (also when a concurrent insert took it first). */
  async insert(data: TagFields, audit: TagAudit): Promise<AdminTagRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.tag.create({ data, select: adminTagSelect(new Date()) });
        await tx.auditEntry.create({
          data: auditEntryData({ ...audit, targetType: TARGET, targetId: row.id, details: { slug: row.slug, name: row.name } }),
          select: { id: true },
        });
        return row;
      });
    } catch (error) {
      mapPrismaError(error, `Tag slug "${data.slug}"`);
    }
  }

  /** Applies `data` only if the tag still has `expected` as updatedAt; null when it changed or vanished. */
  async update(id: string, expected: Date, data: Partial<TagFields>, audit: TagAudit): Promise<AdminTagRow | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // Webhook payloads name the old slug of a renamed tag.
        const before = data.slug === undefined ? null : await tx.tag.findUnique({ where: { id }, select: { slug: true } });
        const { count } = await tx.tag.updateMany({ where: { id, updatedAt: expected }, data: { ...data, updatedAt: nextUpdatedAt(expected) } });
        if (count === 0) return null;
        const renamed = before && before.slug !== data.slug ? { previousSlug: before.slug } : {};
        await tx.auditEntry.create({
          data: auditEntryData({ ...audit, targetType: TARGET, targetId: id, details: { changed: Object.keys(data), ...renamed } }),
          select: { id: true },
        });
        // A rename re-indexes the tagged posts for search by trigger; related-post scores use tag ids only.
        return tx.tag.findUniqueOrThrow({ where: { id }, select: adminTagSelect(new Date()) });
      });
    } catch (error) {
      mapPrismaError(error, `Tag slug "${data.slug ?? ''}"`);
    }
  }

  /**
   * Deletes the tag and its post links if it still has `expected` as updatedAt (null otherwise), and
   * queues the related-posts refresh of every post that carried it. Returns the tag as it was.
   */
  delete(id: string, expected: Date, audit: TagAudit): Promise<AdminTagRow | null> {
    return this.prisma.$transaction(async (tx) => {
      // Locks the row and checks the precondition in one statement.
      const { count } = await tx.tag.updateMany({ where: { id, updatedAt: expected }, data: { updatedAt: nextUpdatedAt(expected) } });
      if (count === 0) return null;
      const before = await tx.tag.findUniqueOrThrow({ where: { id }, select: adminTagSelect(new Date()) });
      const links = await tx.postTag.findMany({ where: { tagId: id }, select: { postId: true } });
      // Links first, explicitly, so the search-vector trigger on post_tags re-indexes those posts.
      await tx.postTag.deleteMany({ where: { tagId: id } });
      await tx.tag.delete({ where: { id }, select: { id: true } });
      await enqueueRelatedRefresh(tx, links.map((l) => l.postId), { reverse: true, delayMs: this.config.relatedRefresh.delayMs });
      await tx.auditEntry.create({
        data: auditEntryData({
          ...audit,
          targetType: TARGET,
          targetId: id,
          details: { slug: before.slug, name: before.name, unlinkedPosts: links.length },
        }),
        select: { id: true },
      });
      return before;
    }, { timeout: 30_000 });
  }
}
