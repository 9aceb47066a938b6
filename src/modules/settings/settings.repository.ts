import { Injectable } from '@nestjs/common';
import { nextUpdatedAt } from '../../common/concurrency/updated-at-etag';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma } from '../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../audit/audit.repository';
import { isPublicDocument } from '../posts/data/post-read-model';
import { DOCUMENT_KINDS, type DocumentKind } from '../posts/domain/document-kind';

const ALL_KINDS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

const settingsSelect = {
  title: true,
  description: true,
  logoMediaId: true,
  iconMediaId: true,
  accentColor: true,
  locale: true,
  timezone: true,
  social: true,
  primaryNavigation: true,
  secondaryNavigation: true,
  updatedAt: true,
} satisfies Prisma.SiteSettingsSelect;

export type SettingsRow = Prisma.SiteSettingsGetPayload<{ select: typeof settingsSelect }>;

export type SettingsWrite = Partial<{
  title: string | null;
  description: string | null;
  logoMediaId: string | null;
  iconMediaId: string | null;
  accentColor: string | null;
  locale: string | null;
  timezone: string | null;
  social: Prisma.InputJsonValue;
  primaryNavigation: Prisma.InputJsonValue;
  secondaryNavigation: Prisma.InputJsonValue;
}>;

const SINGLE_ROW = { id: true } as const;

/** The single settings row (created by its migration) and the document lookups its menus need. */
@Injectable()
export class SettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(): Promise<SettingsRow> {
    return this.prisma.siteSettings.findUniqueOrThrow({ where: SINGLE_ROW, select: settingsSelect });
  }

  /** The columns that name the site (feeds read only these). */
  findIdentity(): Promise<{ title: string | null; description: string | null; locale: string | null }> {
    return this.prisma.siteSettings.findUniqueOrThrow({ where: SINGLE_ROW, select: { title: true, description: true, locale: true } });
  }

  /** Applies `data` only if the row still has `expected` as updatedAt (null otherwise), with its audit row. */
  update(expected: Date, data: SettingsWrite, audit: AuditRecord): Promise<SettingsRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.siteSettings.updateMany({
        where: { ...SINGLE_ROW, updatedAt: expected },
        data: { ...data, updatedAt: nextUpdatedAt(expected) },
      });
      if (count === 0) return null;
      await tx.auditEntry.create({ data: auditEntryData(audit), select: { id: true } });
      return tx.siteSettings.findUniqueOrThrow({ where: SINGLE_ROW, select: settingsSelect });
    });
  }

  /** Kind and slug of the given documents (posts, pages) that are public now (a menu links only those). */
  publicSlugsOf(ids: readonly string[], now = new Date()): Promise<Array<{ id: string; kind: DocumentKind; slug: string }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return sqlRows(
      this.prisma.readPool,
      Prisma.sql`SELECT p.id::text AS "id", p.kind::text AS "kind", p.slug FROM posts p
        WHERE p.id = ANY(${[...ids]}::uuid[]) AND ${isPublicDocument(ALL_KINDS, now)}`,
    );
  }

  /** Which of the given document ids exist, of any kind and status (a menu may link a draft that is published later). */
  async existingDocumentIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.post.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }
}
