import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';

/** Query of the RSS and JSON feeds; anything else is a 400 (global pipe). */
export class FeedQuery {
  @ApiPropertyOptional({ description: 'Only posts with this tag (slug). An unknown tag is a 404.', example: 'long-form' })
  @IsOptional() @MaxLength(191) @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'tag must be a slug' })
  tag?: string;
}
