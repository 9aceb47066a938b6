import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../audit/audit.repository';

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} satisfies Prisma.ApiTokenSelect;

/** A token row without its hash: the hash never leaves this file except as a lookup key. */
export type ApiTokenRow = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

@Injectable()
export class ApiTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The token and its audit entry, all or nothing. */
  insert(
    data: { name: string; tokenHash: string; prefix: string; scopes: string[]; expiresAt: Date | null },
    audit: Omit<AuditRecord, 'targetId'>,
  ): Promise<ApiTokenRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.apiToken.create({ data, select: tokenSelect });
      await tx.auditEntry.create({ data: auditEntryData({ ...audit, targetId: row.id }), select: { id: true } });
      return row;
    });
  }

  findAll(): Promise<ApiTokenRow[]> {
    return this.prisma.apiToken.findMany({ select: tokenSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  findById(id: string): Promise<ApiTokenRow | null> {
    return this.prisma.apiToken.findUnique({ where: { id }, select: tokenSelect });
  }

  findByHash(tokenHash: string): Promise<ApiTokenRow | null> {
    return this.prisma.apiToken.findUnique({ where: { tokenHash }, select: tokenSelect });
  }

  /** Marks the token revoked (audited once); an already revoked token keeps its first revocation time. */
  revoke(id: string, at: Date, audit: AuditRecord): Promise<ApiTokenRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      if (count > 0) await tx.auditEntry.create({ data: auditEntryData(audit), select: { id: true } });
      return tx.apiToken.findUnique({ where: { id }, select: tokenSelect });
    });
  }

  setExpiry(id: string, expiresAt: Date | null): Promise<ApiTokenRow> {
    return this.prisma.apiToken.update({ where: { id }, data: { expiresAt }, select: tokenSelect });
  }

  /** Conditional, so concurrent requests of one token write at most once per interval. */
  async touchLastUsed(id: string, at: Date, staleBefore: Date): Promise<void> {
    await this.prisma.apiToken.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: at },
    });
  }
}
