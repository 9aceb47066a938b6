import { Injectable } from '@nestjs/common';
import { nextUpdatedAt } from '../../../common/concurrency/updated-at-etag';
import { PrismaService } from '../../../database/prisma.service';
import type { Prisma } from '../../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../../audit/audit.repository';
import type { StoredVariant } from '../domain/image';
import type { MediaAuditAction } from '../domain/media-audit';

const mediaSelect = {
  id: true,
  storageKey: true,
  filename: true,
  mimeType: true,
  bytes: true,
  width: true,
  height: true,
  sha256: true,
  alt: true,
  caption: true,
  focalX: true,
  focalY: true,
  placeholder: true,
  dominantColor: true,
  variants: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MediaSelect;

export type MediaRow = Omit<Prisma.MediaGetPayload<{ select: typeof mediaSelect }>, 'variants'> & { variants: StoredVariant[] };

export interface NewMedia {
  id: string;
  storageKey: string;
  filename: string;
  mimeType: string;
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  alt: string | null;
  caption: string | null;
  focalX: number | null;
  focalY: number | null;
  placeholder: string;
  dominantColor: string;
  variants: StoredVariant[];
}

export type MediaTextFields = Partial<Pick<NewMedia, 'alt' | 'caption' | 'focalX' | 'focalY'>>;

/** A published post that shows a library image (as its feature image or in its body). */
export interface MediaUser {
  id: string;
  slug: string;
  title: string;
}

type MediaAudit = Omit<AuditRecord, 'targetType' | 'targetId' | 'action'> & { action: MediaAuditAction };
const TARGET = 'media';

const toRow = (row: Prisma.MediaGetPayload<{ select: typeof mediaSelect }>): MediaRow => ({
  ...row,
  variants: row.variants as unknown as StoredVariant[],
});

/** The media table: each write one transaction with its audit row (which also queues its webhooks). */
@Injectable()
export class MediaRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(data: NewMedia, audit: MediaAudit): Promise<MediaRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.media.create({ data: { ...data, variants: data.variants as unknown as Prisma.InputJsonValue }, select: mediaSelect });
      await tx.auditEntry.create({
        data: auditEntryData({ ...audit, targetType: TARGET, targetId: row.id, details: { filename: row.filename, storageKey: row.storageKey } }),
        select: { id: true },
      });
      return toRow(row);
    });
  }

  async findById(id: string): Promise<MediaRow | null> {
    const row = await this.prisma.media.findUnique({ where: { id }, select: mediaSelect });
    return row && toRow(row);
  }

  /** Newest first; the id breaks ties. */
  async findPage(skip: number, take: number): Promise<{ rows: MediaRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.media.findMany({ select: mediaSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take }),
      this.prisma.media.count(),
    ]);
    return { rows: rows.map(toRow), total };
  }

  /** Applies `data` only if the item still has `expected` as updatedAt; null when it changed or vanished. */
  async update(id: string, expected: Date, data: MediaTextFields, audit: MediaAudit): Promise<MediaRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.media.updateMany({ where: { id, updatedAt: expected }, data: { ...data, updatedAt: nextUpdatedAt(expected) } });
      if (count === 0) return null;
      await tx.auditEntry.create({
        data: auditEntryData({ ...audit, targetType: TARGET, targetId: id, details: { changed: Object.keys(data) } }),
        select: { id: true },
      });
      return toRow(await tx.media.findUniqueOrThrow({ where: { id }, select: mediaSelect }));
    });
  }

  /**
   * Deletes the item unless a published post uses it (then returns those posts and deletes nothing).
   * `force` deletes anyway: feature images fall back to none and body references are dropped (FKs).
   * `expected`: the updatedAt an If-Match named, if any. Null result: the item is gone or changed.
   */
  async delete(
    id: string,
    options: { expected: Date | null; force: boolean },
    audit: MediaAudit,
  ): Promise<{ deleted: MediaRow } | { usedBy: MediaUser[] } | null> {
    return this.prisma.$transaction(async (tx) => {
      // Locks the row, so a concurrent delete or update waits for this one.
      const locked = await tx.$queryRaw<{ updated_at: Date }[]>`SELECT updated_at FROM media WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      if (options.expected && locked[0].updated_at.getTime() !== options.expected.getTime()) return null;
      const usedBy = await tx.$queryRaw<MediaUser[]>`
        SELECT p.id::text AS id, p.slug, p.title FROM posts p
         WHERE p.status = 'PUBLISHED'
           AND (p.feature_image_media_id = ${id}::uuid
                OR EXISTS (SELECT 1 FROM post_media pm WHERE pm.post_id = p.id AND pm.media_id = ${id}::uuid))
         ORDER BY p.published_at DESC NULLS LAST, p.id
         LIMIT 50`;
      if (usedBy.length > 0 && !options.force) return { usedBy };
      const row = toRow(await tx.media.delete({ where: { id }, select: mediaSelect }));
      await tx.auditEntry.create({
        data: auditEntryData({
          ...audit,
          targetType: TARGET,
          targetId: id,
          details: { filename: row.filename, storageKey: row.storageKey, forced: usedBy.length > 0, usedBy: usedBy.map((p) => p.id) },
        }),
        select: { id: true },
      });
      return { deleted: row };
    });
  }
}
