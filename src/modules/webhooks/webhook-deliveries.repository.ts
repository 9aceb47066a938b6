import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import type { DeliveryStatus } from './dto/list-deliveries.query';

const deliverySelect = {
  id: true,
  webhookId: true,
  event: true,
  payload: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  deliveredAt: true,
} satisfies Prisma.WebhookDeliverySelect;

export type WebhookDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

/** A delivery claimed for sending, with what the request needs. */
export interface ClaimedDelivery {
  id: string;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
}

export type AttemptRecord =
  | { status: 'DELIVERED'; statusCode: number }
  | { status: 'PENDING'; statusCode: number | null; error: string; retryInMs: number }
  | { status: 'FAILED'; statusCode: number | null; error: string };

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findPage(webhookId: string, status: DeliveryStatus | undefined, skip: number, take: number) {
    const where = { webhookId, ...(status ? { status } : {}) } satisfies Prisma.WebhookDeliveryWhereInput;
    const [rows, total] = await Promise.all([
      this.prisma.webhookDelivery.findMany({ where, select: deliverySelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip, take }),
      this.prisma.webhookDelivery.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Claims up to `limit` due deliveries of active webhooks in one statement: SKIP LOCKED lets several
   * instances claim at once without overlap, and the lease (next_attempt_at pushed `leaseMs` ahead)
   * keeps others off them while they are sent outside any transaction. A crash mid-send only delays
   * the retry until the lease ends.
   */
  claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.prisma.$queryRaw<ClaimedDelivery[]>`
      WITH due AS (
        SELECT d.id FROM webhook_deliveries d
        JOIN webhooks w ON w.id = d.webhook_id AND w.active
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE webhook_deliveries d
      SET next_attempt_at = now() + make_interval(secs => ${leaseMs}::double precision / 1000)
      FROM due, webhooks w
      WHERE d.id = due.id AND w.id = d.webhook_id
      RETURNING d.id::text AS id, d.event, d.payload, d.attempts, w.url, w.secret`;
  }

  /** Replaces the payload of a delivery that has not been attempted yet (it is completed before its first send). */
  async savePayload(id: string, payload: Record<string, unknown>): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id, status: 'PENDING', attempts: 0 },
      data: { payload: payload as Prisma.InputJsonValue },
    });
  }

  /** Stores an attempt's outcome; only a still PENDING delivery changes (never one already settled). */
  async recordAttempt(id: string, result: AttemptRecord): Promise<void> {
    const now = new Date();
    const common = { attempts: { increment: 1 }, lastStatusCode: result.statusCode };
    const data: Prisma.WebhookDeliveryUpdateManyMutationInput =
      result.status === 'DELIVERED'
        ? { ...common, status: 'DELIVERED', deliveredAt: now, lastError: null }
        : result.status === 'PENDING'
          ? { ...common, lastError: result.error, nextAttemptAt: new Date(now.getTime() + result.retryInMs) }
          : { ...common, status: 'FAILED', lastError: result.error };
    await this.prisma.webhookDelivery.updateMany({ where: { id, status: 'PENDING' }, data });
  }
}
