import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events';

// Hosts without a TLD (localhost, an intranet name) are legitimate webhook receivers.
export const WEBHOOK_URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
export const WEBHOOK_DESCRIPTION_MAX = 500;

export class CreateWebhookBody {
  @ApiProperty({ example: 'https://example.com/hooks/byline', description: 'Absolute http(s) URL that receives a POST per event.' })
  @IsString() @IsUrl(WEBHOOK_URL_OPTIONS) @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Events to receive; `tag.*` means every tag event.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiPropertyOptional({ default: true, description: 'Inactive webhooks receive nothing.' })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ maxLength: WEBHOOK_DESCRIPTION_MAX, description: 'What the webhook is for.' })
  @IsOptional() @IsString() @MaxLength(WEBHOOK_DESCRIPTION_MAX)
  description?: string;
}
