import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { ExpensiveRead } from '../../common/http/rate-limit.guard';
import { SearchQuery } from './dto/search.query';
import { SearchService } from './search.service';
import { ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { SearchHitResource } from './models/search-hit.resource';

@ApiTags('search')
@Public()
@ExpensiveRead() // its own rate-limit budget
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Full-text search over published posts and pages (title, excerpt, tags, body), best match first.',
    description:
      'Web-search syntax: "exact phrase", -exclude, or. Each hit is `{ type, post, rank, snippet }` (a page hit has `page` instead of `post`); the snippet is HTML with matches in <mark>. ' +
      'Cursor pagination: pass meta.pagination.nextCursor back as `cursor` with the same `q`. A query of only stop words returns no hits.',
  })
  @ApiListResponse(SearchHitResource, 'search', 'Hits, best first; `meta.pagination.total` counts matches over all pages.')
  async find(@Query() query: SearchQuery) {
    const result = await this.search.search({ query: query.q, limit: query.limit, cursor: query.cursor });
    return { data: result.items, meta: { pagination: { ...result.cursor, total: result.total } } };
  }
}
