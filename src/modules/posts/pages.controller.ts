import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiMovedPermanentlyResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { Previewable } from '../../common/preview/preview-request';
import { one } from '../../common/http/envelopes';
import { MovedPermanently } from '../../common/http/moved-permanently';
import { pickFields } from '../../common/http/pick-fields';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { documentList } from './document-responses';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import { GetPageQuery, ListPagesQuery } from './dto/list-pages.query';
import { PageResource, PageSummaryResource } from './models/post-resource.model';
import { PostsService } from './posts.service';

/** Public pages: the post read path with the page kind (same pagination, ETag, fields and formats). */
@ApiTags('pages')
@Public()
@Controller('api/pages')
export class PagesController {
  constructor(private readonly documents: PostsService) {}

  @Get()
  @ApiOperation({ summary: 'List published pages (newest first by default). Same parameters as posts, without tag and author.' })
  @ApiListResponse(PageSummaryResource, 'page-or-cursor', 'Published pages; `meta.pagination` is PageMeta with `page`, CursorMeta with `cursor`.')
  async list(@Query() query: ListPagesQuery) {
    const { featured, publishedAfter, publishedBefore } = query;
    const result = await this.documents.listPublished(
      { kind: 'page', filter: { featured, publishedAfter, publishedBefore }, order: query.order ?? DEFAULT_POST_ORDER, page: toPageRequest(query) },
      query.formats ?? [],
    );
    return documentList(result, query.fields);
  }

  @Get('slug/:slug')
  @Previewable('page')
  @ApiOperation({ summary: 'One published page by slug. An old slug answers 301 to the current one.' })
  @ApiDataResponse(PageResource, { description: 'The page.' })
  @ApiMovedPermanentlyResponse({ description: 'The page moved to a new slug; see Location.' })
  async bySlug(@Param('slug', SlugPipe) slug: string, @Query() query: GetPageQuery) {
    const found = await this.documents.findPublishedBySlug(slug, query.formats ?? ['html'], 'page');
    if ('movedTo' in found) throw new MovedPermanently(`/api/pages/slug/${found.movedTo}`);
    return one(pickFields(found.post, query.fields));
  }

  @Get(':id')
  @Previewable('page')
  @ApiOperation({ summary: 'One published page by id, with its html body by default.' })
  @ApiDataResponse(PageResource, { description: 'The page.' })
  async byId(@Param('id', UuidPipe) id: string, @Query() query: GetPageQuery) {
    return one(pickFields(await this.documents.getPublishedById(id, query.formats ?? ['html'], 'page'), query.fields));
  }
}
