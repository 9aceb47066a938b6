import { WEBHOOK_EVENTS, type WebhookEvent } from './domain/webhook-events';
import type { WebhookDeliveryRow } from './webhook-deliveries.repository';
import type { WebhookRow } from './webhooks.repository';
import type { WebhookDeliveryModel } from './models/webhook-delivery.model';
import type { WebhookModel } from './models/webhook.model';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isEvent = (e: string): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e);

export function toWebhookModel(row: WebhookRow): WebhookModel {
  return {
    id: row.id,
    url: row.url,
    events: row.events.filter(isEvent),
    active: row.active,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryModel(row: WebhookDeliveryRow): WebhookDeliveryModel {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    payload: row.payload as object,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: iso(row.deliveredAt),
  };
}
