import { Get, Param, Query, Type } from '@nestjs/common';
import { ApiMovedPermanentlyResponse, ApiOperation } from '@nestjs/swagger';
import { one } from '../../common/http/envelopes';
import { MovedPermanently } from '../../common/http/moved-permanently';
import { pickFields } from '../../common/http/pick-fields';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { Previewable } from '../../common/preview/preview-gate';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { documentList } from './document-responses';
import { declareParamType, DocumentTransportSpec } from './document-transport';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import type { GetPageQuery, ListPagesQuery } from './dto/list-pages.query';
import { PostsService } from './posts.service';

/**
 * The public routes of one document kind (list, by slug, by id) over the shared read path; the kind's
 * controller class adds the path, tag and access declaration. `docs.list` words the list operation.
 */
export function DocumentsPublicController(
  spec: DocumentTransportSpec,
  types: { summary: Type<unknown>; resource: Type<unknown>; listQuery: Type<ListPagesQuery>; getQuery: Type<GetPageQuery> },
  docs: { list: string },
) {
  const { kind, noun } = spec;

  abstract class PublicDocumentRoutes {
    protected constructor(private readonly documents: PostsService) {}

    @Get()
    @ApiOperation({ summary: docs.list })
    @ApiListResponse(types.summary, 'page-or-cursor', `Published ${spec.plural.toLowerCase()}; \`meta.pagination\` is PageMeta with \`page\`, CursorMeta with \`cursor\`.`)
    async list(@Query() query: ListPagesQuery) {
      const options = { kind, filter: spec.filter(query), order: query.order ?? DEFAULT_POST_ORDER, page: toPageRequest(query) };
      return documentList(await this.documents.listPublished(options, query.formats ?? []), query.fields);
    }

    @Get('slug/:slug')
    @Previewable(kind)
    @ApiOperation({ summary: `One published ${noun} by slug. An old slug answers 301 to the current one.` })
    @ApiDataResponse(types.resource, { description: `The ${noun}.` })
    @ApiMovedPermanentlyResponse({ description: `The ${noun} moved to a new slug; see Location.` })
    async bySlug(@Param('slug', SlugPipe) slug: string, @Query() query: GetPageQuery) {
      const found = await this.documents.findPublishedBySlug(slug, query.formats ?? ['html'], kind);
      if ('movedTo' in found) throw new MovedPermanently(`/api/${spec.path}/slug/${found.movedTo}`);
      return one(pickFields(found.post, query.fields));
    }

    @Get(':id')
    @Previewable(kind)
    @ApiOperation({ summary: `One published ${noun} by id, with its html body by default.` })
    @ApiDataResponse(types.resource, { description: `The ${noun}.` })
    async byId(@Param('id', UuidPipe) id: string, @Query() query: GetPageQuery) {
      return one(pickFields(await this.documents.getPublishedById(id, query.formats ?? ['html'], kind), query.fields));
    }
  }
  declareParamType(PublicDocumentRoutes, 'list', 0, types.listQuery);
  declareParamType(PublicDocumentRoutes, 'bySlug', 1, types.getQuery);
  declareParamType(PublicDocumentRoutes, 'byId', 1, types.getQuery);
  return PublicDocumentRoutes;
}
