import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../database/prisma.service';
import type { Prisma } from '../../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../../audit/audit.repository';

const linkSelect = {
  id: true,
  documentId: true,
  prefix: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} satisfies Prisma.PreviewLinkSelect;

/** A preview link without its hash: the hash never leaves this file except as a lookup key. */
export type PreviewLinkRow = Prisma.PreviewLinkGetPayload<{ select: typeof linkSelect }>;

@Injectable()
export class PreviewLinksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The link and its audit entry, all or nothing. */
  insert(
    data: { documentId: string; tokenHash: string; prefix: string; expiresAt: Date; createdByTokenId: string | null },
    audit: Omit<AuditRecord, 'targetId'>,
  ): Promise<PreviewLinkRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.previewLink.create({ data, select: linkSelect });
      await tx.auditEntry.create({ data: auditEntryData({ ...audit, targetId: row.id }), select: { id: true } });
      return row;
    });
  }

  findForDocument(documentId: string): Promise<PreviewLinkRow[]> {
    return this.prisma.previewLink.findMany({ where: { documentId }, select: linkSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  findByHash(tokenHash: string): Promise<PreviewLinkRow | null> {
    return this.prisma.previewLink.findUnique({ where: { tokenHash }, select: linkSelect });
  }

  /** Marks the link revoked (audited once); a revoked link keeps its first revocation time. Null when unknown. */
  revoke(id: string, at: Date, audit: AuditRecord): Promise<PreviewLinkRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.previewLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      if (count > 0) await tx.auditEntry.create({ data: auditEntryData(audit), select: { id: true } });
      return tx.previewLink.findUnique({ where: { id }, select: linkSelect });
    });
  }

  /** Test and maintenance hook: moves a link's expiry. */
  async setExpiry(id: string, expiresAt: Date): Promise<void> {
    await this.prisma.previewLink.update({ where: { id }, data: { expiresAt }, select: { id: true } });
  }
}
