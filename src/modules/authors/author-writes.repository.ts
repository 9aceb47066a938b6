import { Injectable } from '@nestjs/common';
import { nextUpdatedAt } from '../../common/concurrency/updated-at-etag';
import { PrismaService } from '../../database/prisma.service';
import { mapPrismaError } from '../../database/prisma-errors';
import { AuditRecord, auditEntryData } from '../audit/audit.repository';
import { adminAuthorSelect, AdminAuthorRow } from './authors.repository';

export interface AuthorFields {
  slug: string;
  name: string;
  bio: string | null;
  avatarUrl: string | null;
  website: string | null;
}

type AuthorAudit = Omit<AuditRecord, 'targetType' | 'targetId'>;
const TARGET = 'author';

/**
 * Author writes: each one transaction with its audit row. Authors play no part in related-post
 * scores or the search document, so no refresh is needed.
 */
@Injectable()
export class AuthorWritesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** `base` and its numbered forms (`base-2`, …) that are taken. */
  async slugsInFamily(base: string): Promise<Set<string>> {
    const rows = await this.prisma.author.findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    return new Set(rows.map((r) => r.slug));
  }

  /** Throws CONFLICT when the slug is taken (also when a concurrent insert took it first). */
  async insert(data: AuthorFields, audit: AuthorAudit): Promise<AdminAuthorRow> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.author.create({ data, select: adminAuthorSelect(new Date()) });
        await tx.auditEntry.create({
          data: auditEntryData({ ...audit, targetType: TARGET, targetId: row.id, details: { slug: row.slug, name: row.name } }),
          select: { id: true },
        });
        return row;
      });
    } catch (error) {
      mapPrismaError(error, `Author slug "${data.slug}"`);
    }
  }

  /** Applies `data` only if the author still has `expected` as updatedAt; null when it changed or vanished. */
  async update(id: string, expected: Date, data: Partial<AuthorFields>, audit: AuthorAudit): Promise<AdminAuthorRow | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { count } = await tx.author.updateMany({ where: { id, updatedAt: expected }, data: { ...data, updatedAt: nextUpdatedAt(expected) } });
        if (count === 0) return null;
        await tx.auditEntry.create({
          data: auditEntryData({ ...audit, targetType: TARGET, targetId: id, details: { changed: Object.keys(data) } }),
          select: { id: true },
        });
        return tx.author.findUniqueOrThrow({ where: { id }, select: adminAuthorSelect(new Date()) });
      });
    } catch (error) {
      mapPrismaError(error, `Author slug "${data.slug ?? ''}"`);
    }
  }

  /** Deletes the author (post links go by cascade) if it still has `expected` as updatedAt; null otherwise. */
  delete(id: string, expected: Date, audit: AuthorAudit): Promise<AdminAuthorRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.author.updateMany({ where: { id, updatedAt: expected }, data: { updatedAt: nextUpdatedAt(expected) } });
      if (count === 0) return null;
      const before = await tx.author.findUniqueOrThrow({ where: { id }, select: adminAuthorSelect(new Date()) });
      const unlinked = await tx.postAuthor.deleteMany({ where: { authorId: id } });
      await tx.author.delete({ where: { id }, select: { id: true } });
      await tx.auditEntry.create({
        data: auditEntryData({
          ...audit,
          targetType: TARGET,
          targetId: id,
          details: { slug: before.slug, name: before.name, unlinkedPosts: unlinked.count },
        }),
        select: { id: true },
      });
      return before;
    });
  }
}
