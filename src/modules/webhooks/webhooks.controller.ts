import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { list, one, whole } from '../../common/http/envelopes';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { CreateWebhookBody } from './dto/create-webhook.body';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';
import { UpdateWebhookBody } from './dto/update-webhook.body';
import { WebhookDeliveryModel } from './models/webhook-delivery.model';
import { CreatedWebhookModel, WebhookModel } from './models/webhook.model';
import { WebhooksService } from './webhooks.service';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';

@ApiTags('admin: webhooks')
@ApiBearerAuth()
@Controller('api/admin/webhooks')
@RequireScopes('webhooks:manage')
@SetMetadata(PRIVATE_RESPONSE, true)
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook. The response carries its signing secret once.',
    description:
      'Each event is POSTed as JSON `{ id, event, occurredAt, target: { type, id }, requestId }` with headers ' +
      '`X-Byline-Event`, `X-Byline-Delivery` and `X-Byline-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. ' +
      'Any 2xx answer within 5 s is success; otherwise it is retried with exponential backoff, 8 attempts in all.',
  })
  @ApiDataResponse(CreatedWebhookModel, { status: 201, description: 'The webhook, with its signing secret.' })
  async create(@Body() body: CreateWebhookBody, @Actor() actor: AuditActor) {
    return one(await this.webhooks.create(body, actor));
  }

  @Get()
  @ApiOperation({ summary: 'All webhooks, newest first (never their secrets).' })
  @ApiListResponse(WebhookModel, 'total', 'Every webhook.')
  async list() {
    const webhooks = await this.webhooks.list();
    return whole(webhooks);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook.' })
  @ApiDataResponse(WebhookModel)
  async get(@Param('id', UuidPipe) id: string) {
    return one(await this.webhooks.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook; absent fields stay. Deactivating it cancels its pending deliveries.' })
  @ApiDataResponse(WebhookModel)
  async update(@Param('id', UuidPipe) id: string, @Body() body: UpdateWebhookBody, @Actor() actor: AuditActor) {
    return one(await this.webhooks.update(id, body, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery history.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async delete(@Param('id', UuidPipe) id: string, @Actor() actor: AuditActor): Promise<void> {
    await this.webhooks.delete(id, actor);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries of a webhook, newest first, with status, attempts and the last error.' })
  @ApiListResponse(WebhookDeliveryModel, 'page')
  async deliveries(@Param('id', UuidPipe) id: string, @Query() query: ListDeliveriesQuery) {
    return list(await this.webhooks.listDeliveries(id, query));
  }
}
