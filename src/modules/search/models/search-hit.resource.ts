import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PostSummaryResource } from '../../posts/models/post-resource.model';

@ApiSchema({ name: 'SearchHit', description: 'One search result: the post, its relevance and a highlighted excerpt of its body.' })
export class SearchHitResource {
  @ApiProperty({ type: PostSummaryResource }) post: PostSummaryResource;
  @ApiProperty({ description: 'ts_rank_cd relevance (higher is better); only comparable within one query.' }) rank: number;
  @ApiProperty({ description: 'Up to two fragments of the body, matches wrapped in <mark>; HTML-escaped otherwise.' }) snippet: string;
}
