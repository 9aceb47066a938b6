import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PREVIEW_DEFAULT_SECONDS, PREVIEW_MAX_SECONDS, PREVIEW_MIN_SECONDS } from '../domain/preview-token';

@InputType('CreatePreviewLinkInput')
export class CreatePreviewLinkInput {
  @ApiPropertyOptional({
    minimum: PREVIEW_MIN_SECONDS,
    maximum: PREVIEW_MAX_SECONDS,
    default: PREVIEW_DEFAULT_SECONDS,
    description: 'Lifetime in seconds (default 7 days, at most 30 days).',
  })
  @Field(() => Int, { nullable: true, description: `Lifetime in seconds (${PREVIEW_MIN_SECONDS}–${PREVIEW_MAX_SECONDS}; default 7 days).` })
  @IsOptional() @IsInt() @Min(PREVIEW_MIN_SECONDS) @Max(PREVIEW_MAX_SECONDS)
  expiresIn?: number;
}
