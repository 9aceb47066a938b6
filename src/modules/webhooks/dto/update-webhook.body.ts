import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events';
import { WEBHOOK_DESCRIPTION_MAX, WEBHOOK_URL_OPTIONS } from './create-webhook.body';

// Absent = unchanged; null is refused except for description, where it clears the text.
const present = (_o: unknown, value: unknown) => value !== undefined;

/** A partial update. Deactivating a webhook cancels its pending deliveries. */
export class UpdateWebhookBody {
  @ApiPropertyOptional({ description: 'Absolute http(s) URL.' })
  @ValidateIf(present) @IsString() @IsUrl(WEBHOOK_URL_OPTIONS) @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Replaces the subscribed events.' })
  @ValidateIf(present) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ description: 'false stops deliveries and cancels pending ones.' })
  @ValidateIf(present) @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: WEBHOOK_DESCRIPTION_MAX, description: 'null clears it.' })
  @IsOptional() @IsString() @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string | null;
}
