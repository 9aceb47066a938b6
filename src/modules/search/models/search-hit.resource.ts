import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PageSummaryResource, PostSummaryResource } from '../../posts/models/post-resource.model';

@ApiSchema({ name: 'SearchHit', description: 'One search result: the post or page (as `type` says), its relevance and a highlighted excerpt of its body.' })
export class SearchHitResource {
  @ApiProperty({ enum: ['post', 'page'], description: 'What was found; the hit carries `post` or `page` accordingly.' }) type: 'post' | 'page';
  @ApiPropertyOptional({ type: PostSummaryResource, description: 'Present when `type` is post.' }) post?: PostSummaryResource;
  @ApiPropertyOptional({ type: PageSummaryResource, description: 'Present when `type` is page.' }) page?: PageSummaryResource;
  @ApiProperty({ description: 'ts_rank_cd relevance (higher is better); only comparable within one query.' }) rank: number;
  @ApiProperty({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' }) snippet: string;
}
