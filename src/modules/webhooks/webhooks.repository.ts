import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { AuditRecord, auditEntryData } from '../audit/audit.repository';
import { redactWebhookUrl } from './domain/redact-url';

const webhookSelect = {
  id: true,
  url: true,
  events: true,
  active: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.WebhookSelect;

/** A webhook row without its secret: the secret is read only by the dispatcher. */
export type WebhookRow = Prisma.WebhookGetPayload<{ select: typeof webhookSelect }>;

export interface WebhookFields {
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
}

type WebhookAudit = Omit<AuditRecord, 'targetType' | 'targetId'>;
const TARGET = 'webhook';

/** Webhook changes, each one transaction with its audit row. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  insert(data: WebhookFields & { secret: string }, audit: WebhookAudit): Promise<WebhookRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.webhook.create({ data, select: webhookSelect });
      await tx.auditEntry.create({
        data: auditEntryData({ ...audit, targetType: TARGET, targetId: row.id, details: { url: redactWebhookUrl(row.url), events: row.events } }),
        select: { id: true },
      });
      return row;
    });
  }

  findAll(): Promise<WebhookRow[]> {
    return this.prisma.webhook.findMany({ select: webhookSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  findById(id: string): Promise<WebhookRow | null> {
    return this.prisma.webhook.findUnique({ where: { id }, select: webhookSelect });
  }

  /** Null when the webhook does not exist. Deactivating it cancels its pending deliveries in the same transaction. */
  update(id: string, data: Partial<WebhookFields>, audit: WebhookAudit): Promise<WebhookRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhook.updateMany({ where: { id }, data });
      if (count === 0) return null;
      if (data.active === false) {
        await tx.webhookDelivery.updateMany({
          where: { webhookId: id, status: 'PENDING' },
          data: { status: 'FAILED', lastError: 'cancelled: the webhook was deactivated' },
        });
      }
      await tx.auditEntry.create({
        data: auditEntryData({ ...audit, targetType: TARGET, targetId: id, details: { changed: Object.keys(data) } }),
        select: { id: true },
      });
      return tx.webhook.findUniqueOrThrow({ where: { id }, select: webhookSelect });
    });
  }

  /** Deletes the webhook and (by cascade) its deliveries; false when it did not exist. */
  delete(id: string, audit: WebhookAudit): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhook.deleteMany({ where: { id } });
      if (count === 0) return false;
      await tx.auditEntry.create({ data: auditEntryData({ ...audit, targetType: TARGET, targetId: id }), select: { id: true } });
      return true;
    });
  }
}
