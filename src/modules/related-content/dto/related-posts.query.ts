import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToInt } from '../../../common/validation/query-transforms';

/** Query of the related-posts routes; unknown parameters are rejected by the global pipe. */
export class RelatedPostsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 3, description: 'How many related posts (best first).' })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(10)
  limit?: number;
}
