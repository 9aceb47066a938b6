import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiMovedPermanentlyResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { whole } from '../../common/http/envelopes';
import { MovedPermanently } from '../../common/http/moved-permanently';
import { Public } from '../../common/auth/access.decorators';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { RelatedPostsQuery } from './dto/related-posts.query';
import { RelatedPostSummary } from './models/related-post.model';
import { RELATED_LIMIT, RelatedContentService } from './related-content.service';
import { ApiListResponse } from '../../common/openapi/api-responses.decorators';

const RELATED_DESCRIPTION = 'Related posts, best first (tag overlap weighted by rarity, text similarity, recency).';

// Paths have one more segment than GET /api/posts/:id and /api/posts/slug/:slug, so neither can shadow them.
@ApiTags('posts')
@Public()
@Controller('api/posts')
export class RelatedContentController {
  constructor(private readonly related: RelatedContentService) {}

  @Get('slug/:slug/related')
  @ApiOperation({ summary: 'Related posts of a published post, by its slug (404 for unknown, draft or scheduled posts).' })
  @ApiListResponse(RelatedPostSummary, 'total', RELATED_DESCRIPTION)
  @ApiMovedPermanentlyResponse({ description: 'An old slug of the post: Location names the current one.' })
  async bySlug(@Param('slug', SlugPipe) slug: string, @Query() query: RelatedPostsQuery) {
    const found = await this.related.relatedForSlug(slug, query.limit ?? RELATED_LIMIT.default);
    if ('movedTo' in found) {
      const limit = query.limit === undefined ? '' : `?limit=${query.limit}`;
      throw new MovedPermanently(`/api/posts/slug/${found.movedTo}/related${limit}`);
    }
    return whole(found.related);
  }

  @Get(':id/related')
  @ApiOperation({ summary: 'Related posts of a published post, by its id (404 for unknown, draft or scheduled posts).' })
  @ApiListResponse(RelatedPostSummary, 'total', RELATED_DESCRIPTION)
  async byId(@Param('id', UuidPipe) id: string, @Query() query: RelatedPostsQuery) {
    return whole(await this.related.relatedForId(id, query.limit ?? RELATED_LIMIT.default));
  }
}
