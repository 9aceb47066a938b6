import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiMovedPermanentlyResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { one } from '../../common/http/envelopes';
import { MovedPermanently } from '../../common/http/moved-permanently';
import { pickFields } from '../../common/http/pick-fields';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import { GetPostQuery } from './dto/get-post.query';
import { ListPostsQuery } from './dto/list-posts.query';
import { PostsService } from './posts.service';
import { Public } from '../../common/auth/access.decorators';
import { Previewable } from '../../common/preview/preview-request';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { PostResource, PostSummaryResource } from './models/post-resource.model';
import { documentList } from './document-responses';

@ApiTags('posts')
@Public()
@Controller('api/posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Get()
  @ApiOperation({ summary: 'List published posts (newest first by default), with tags, authors and reading time.' })
  @ApiListResponse(PostSummaryResource, 'page-or-cursor', 'Published posts; `meta.pagination` is PageMeta with `page`, CursorMeta with `cursor`.')
  async list(@Query() query: ListPostsQuery) {
    const result = await this.posts.listPublished(
      {
        filter: {
          tags: query.tag,
          authors: query.author,
          featured: query.featured,
          publishedAfter: query.publishedAfter,
          publishedBefore: query.publishedBefore,
        },
        order: query.order ?? DEFAULT_POST_ORDER,
        page: toPageRequest(query),
      },
      query.formats ?? [],
    );
    return documentList(result, query.fields);
  }

  @Get('slug/:slug')
  @Previewable()
  @ApiOperation({ summary: 'One published post by slug. An old slug answers 301 to the current one.' })
  @ApiDataResponse(PostResource, { description: 'The post.' })
  @ApiMovedPermanentlyResponse({ description: 'The post moved to a new slug; see Location.' })
  async bySlug(@Param('slug', SlugPipe) slug: string, @Query() query: GetPostQuery) {
    const found = await this.posts.findPublishedBySlug(slug, query.formats ?? ['html']);
    if ('movedTo' in found) throw new MovedPermanently(`/api/posts/slug/${found.movedTo}`);
    return one(pickFields(found.post, query.fields));
  }

  @Get(':id')
  @Previewable()
  @ApiOperation({ summary: 'One published post by id, with its html body by default.' })
  @ApiDataResponse(PostResource, { description: 'The post.' })
  async byId(@Param('id', UuidPipe) id: string, @Query() query: GetPostQuery) {
    return one(pickFields(await this.posts.getPublishedById(id, query.formats ?? ['html']), query.fields));
  }
}
