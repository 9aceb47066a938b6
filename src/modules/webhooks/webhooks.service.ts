import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import type { AuditActor } from '../audit/audit.service';
import { mintWebhookSecret } from './domain/webhook-signature';
import { CreateWebhookBody } from './dto/create-webhook.body';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { UpdateWebhookBody } from './dto/update-webhook.body';
import { toWebhookDeliveryModel, toWebhookModel } from './webhook.mapper';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookFields, WebhooksRepository } from './webhooks.repository';
import { WebhookDeliveryModel } from './models/webhook-delivery.model';
import { CreatedWebhookModel, WebhookModel } from './models/webhook.model';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  /** Registers a webhook; the response is the only place its signing secret appears. */
  async create(input: CreateWebhookBody, actor: AuditActor): Promise<CreatedWebhookModel> {
    const secret = mintWebhookSecret();
    const fields: WebhookFields = { url: input.url, events: input.events, active: input.active ?? true, description: input.description ?? null };
    const row = await this.webhooks.insert({ ...fields, secret }, { ...actor, action: 'webhook.created' });
    return { ...toWebhookModel(row), secret };
  }

  async list(): Promise<WebhookModel[]> {
    return (await this.webhooks.findAll()).map(toWebhookModel);
  }

  async get(id: string): Promise<WebhookModel> {
    return toWebhookModel(await this.require(id));
  }

  async update(id: string, input: UpdateWebhookBody, actor: AuditActor): Promise<WebhookModel> {
    const data: Partial<WebhookFields> = {};
    if (input.url !== undefined) data.url = input.url;
    if (input.events !== undefined) data.events = input.events;
    if (input.active !== undefined) data.active = input.active;
    if (input.description !== undefined) data.description = input.description;
    const row = await this.webhooks.update(id, data, { ...actor, action: 'webhook.updated' });
    if (!row) throw DomainError.notFound(`Webhook ${id}`);
    return toWebhookModel(row);
  }

  /** Deletes the webhook with its delivery history; pending deliveries are never sent. */
  async delete(id: string, actor: AuditActor): Promise<void> {
    if (!(await this.webhooks.delete(id, { ...actor, action: 'webhook.deleted' }))) throw DomainError.notFound(`Webhook ${id}`);
  }

  async listDeliveries(id: string, query: ListDeliveriesQuery): Promise<Paginated<WebhookDeliveryModel>> {
    await this.require(id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = query.page ?? 1;
    const { rows, total } = await this.deliveries.findPage(id, query.status, (page - 1) * limit, limit);
    return { items: rows.map(toWebhookDeliveryModel), total, page: pageMeta(limit, page, total) };
  }

  private async require(id: string) {
    const row = await this.webhooks.findById(id);
    if (!row) throw DomainError.notFound(`Webhook ${id}`);
    return row;
  }
}
