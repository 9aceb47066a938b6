import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events';

/** A webhook as listed: never its secret. */
@ApiSchema({ name: 'Webhook', description: 'A webhook as listed: never its secret.' })
export class WebhookModel {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Where deliveries are POSTed.' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: WebhookEvent[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}

/** The answer to a create: the only time the signing secret is shown. */
@ApiSchema({ name: 'CreatedWebhook', description: 'A webhook just registered, with its signing secret (shown once).' })
export class CreatedWebhookModel extends WebhookModel {
  @ApiProperty({ description: 'HMAC-SHA256 key of X-Byline-Signature. Shown once; store it now.', example: 'whsec_…' })
  secret: string;
}
