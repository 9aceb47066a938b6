import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

/** One audit row as written by any feature (inside its own transaction when it has one). */
export interface AuditRecord {
  /** The calling token; null for the command line and other trusted callers. */
  tokenId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  details?: Prisma.InputJsonValue;
}

const auditSelect = {
  id: true,
  tokenId: true,
  action: true,
  targetType: true,
  targetId: true,
  requestId: true,
  details: true,
  createdAt: true,
} satisfies Prisma.AuditEntrySelect;

export type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>;

/** The create payload, so other repositories can write an audit row inside their transaction. */
export function auditEntryData(record: AuditRecord): Prisma.AuditEntryCreateInput {
  return { ...record, details: record.details ?? undefined };
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(record: AuditRecord): Promise<void> {
    await this.prisma.auditEntry.create({ data: auditEntryData(record), select: { id: true } });
  }

  /** Newest first; the id breaks ties between rows written in the same millisecond. */
  async findPage(skip: number, take: number): Promise<{ rows: AuditRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.auditEntry.findMany({ select: auditSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take }),
      this.prisma.auditEntry.count(),
    ]);
    return { rows, total };
  }
}
