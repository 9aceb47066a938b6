import { Injectable } from '@nestjs/common';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import { AuditRecord, AuditRepository, AuditRow } from './audit.repository';
import { AuditEntryModel } from './models/audit-entry.model';

/** Who acted and in which request: what a transport hands to a service for its audit entries. */
export interface AuditActor {
  tokenId: string | null;
  requestId: string | null;
}

function toAuditEntryModel(row: AuditRow): AuditEntryModel {
  return {
    id: row.id.toString(),
    tokenId: row.tokenId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    requestId: row.requestId,
    details: row.details ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** For events outside a content transaction (token management); content writes audit in their own transaction. */
  record(record: AuditRecord): Promise<void> {
    return this.audit.insert(record);
  }

  async list(options: { limit?: number; page?: number }): Promise<Paginated<AuditEntryModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.audit.findPage((page - 1) * limit, limit);
    return { items: rows.map(toAuditEntryModel), total, page: pageMeta(limit, page, total) };
  }
}
