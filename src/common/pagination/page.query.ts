import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from '../validation/query-transforms';

export const DEFAULT_LIMIT = 15;
export const MAX_LIMIT = 100;

/** Page-number pagination parameters shared by the simple listings (tags, authors). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: 'Items per page.' })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Page number, from 1.' })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1_000_000)
  page?: number;
}
