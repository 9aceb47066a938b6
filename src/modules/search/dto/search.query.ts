import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ToInt } from '../../../common/validation/query-transforms';

export const SEARCH_LIMIT = { default: 10, max: 50 } as const;

const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const NO_NUL = /^[^\u0000]*$/;

/** `GET /api/search` parameters; unknown parameters are rejected by the global pipe. */
export class SearchQuery {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'Search text, web-search syntax: "exact phrase", -exclude, or.', example: 'long read -typography' })
  @Trim() @IsString() @Length(1, 200, { message: 'q must be 1–200 characters (after trimming)' }) @Matches(NO_NUL, { message: 'q contains a NUL character' })
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_LIMIT.max, default: SEARCH_LIMIT.default })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(SEARCH_LIMIT.max)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from meta.pagination.nextCursor of the same query.' })
  @IsOptional() @IsString() @MaxLength(512)
  cursor?: string;
}
