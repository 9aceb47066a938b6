import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../dto/list-deliveries.query';

/** One event sent (or to be sent) to one webhook, with the outcome of its last attempt. */
@ApiSchema({ name: 'WebhookDelivery', description: 'One event sent (or to be sent) to one webhook.' })
export class WebhookDeliveryModel {
  @ApiProperty({ format: 'uuid', description: 'Also sent as X-Byline-Delivery and as payload.id: receivers dedupe on it.' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  webhookId: string;

  @ApiProperty({ example: 'post.published' })
  event: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The JSON body: { id, event, occurredAt, target: { type, id }, requestId }.' })
  payload: object;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty({ description: 'Attempts made so far (at most 8).' })
  attempts: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'When a PENDING delivery is next tried.' })
  nextAttemptAt: string;

  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last attempt; null if none was received.' })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;
}
