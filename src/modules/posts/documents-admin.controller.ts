import { Body, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, Type } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { whole } from '../../common/http/envelopes';
import { pickFields } from '../../common/http/pick-fields';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { IntParamPipe } from '../../common/validation/int-param.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { createdDocument, documentList, withEtag } from './document-responses';
import { declareParamType, DocumentTransportSpec } from './document-transport';
import { parseIfMatch, parseOptionalIfMatch } from './domain/post-etag';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import type { CreatePageInput } from './dto/create-page.input';
import type { AdminListPagesQuery, GetPageQuery } from './dto/list-pages.query';
import { PublishPostInput } from './dto/publish-post.input';
import type { UpdatePageInput } from './dto/update-page.input';
import { PostRevisionModel } from './models/post-revision.model';
import { ADMIN_POST_FORMATS, PostsAdminService, WriteActor } from './posts-admin.service';

const IF_MATCH = { name: 'If-Match', description: 'The ETag of the document as last read ("<id>:<version>").' };
const RevisionNumber = new IntParamPipe('n');

/** The summaries worded per kind; response descriptions follow from the kind's noun. */
export interface DocumentsAdminDocs {
  list: string;
  get: string;
  create: string;
  update: string;
  publish: string;
  unpublish: string;
  revisions: string;
  restore: string;
}

/**
 * The editor routes of one document kind (list, get, create, update, delete, publish, unpublish,
 * revisions, restore) over the shared editor use cases; the kind's controller class adds the path, tag,
 * bearer auth and private caching. `AdminListPagesQuery` and friends are the smallest shapes: a kind's
 * classes may add parameters (posts: tag and author), which `spec.filter` reads.
 */
export function DocumentsAdminController(
  spec: DocumentTransportSpec,
  types: {
    resource: Type<unknown>;
    listQuery: Type<AdminListPagesQuery>;
    getQuery: Type<GetPageQuery>;
    create: Type<CreatePageInput>;
    update: Type<UpdatePageInput>;
  },
  docs: DocumentsAdminDocs,
) {
  const { kind, noun } = spec;
  const resource = types.resource;

  abstract class AdminDocumentRoutes {
    protected constructor(private readonly admin: PostsAdminService) {}

    @Get()
    @RequireScopes('content:read')
    @ApiOperation({ summary: docs.list })
    @ApiListResponse(resource, 'page', `${spec.plural} of any status.`)
    async list(@Query() query: AdminListPagesQuery) {
      const page = toPageRequest(query);
      const options = { kind, filter: spec.filter(query), statuses: query.status, order: query.order ?? DEFAULT_POST_ORDER, page };
      return documentList(await this.admin.list(options, query.formats ?? []), query.fields);
    }

    @Get(':id')
    @RequireScopes('content:read')
    @ApiOperation({ summary: docs.get })
    @ApiDataResponse(resource, { description: `The ${noun}; the ETag header carries its version.` })
    async get(@Param('id', UuidPipe) id: string, @Query() query: GetPageQuery, @Res({ passthrough: true }) res: Response) {
      const doc = await this.admin.get(id, query.formats ?? ADMIN_POST_FORMATS, kind);
      return { data: pickFields(withEtag(res, doc).data, query.fields) };
    }

    @Post()
    @RequireScopes('content:write')
    @ApiOperation({ summary: docs.create })
    @ApiDataResponse(resource, { status: 201, description: 'The draft (or, with `Idempotent-Replayed: true`, the first answer to this key).' })
    @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–255 printable ASCII characters.' })
    async create(
      @Body() input: CreatePageInput,
      @Headers('idempotency-key') key: string | undefined,
      @Actor() actor: WriteActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return createdDocument(res, await this.admin.create(input, actor, key, kind), spec.path);
    }

    @Patch(':id')
    @RequireScopes('content:write')
    @ApiOperation({ summary: docs.update })
    @ApiDataResponse(resource, { description: `The ${noun} after the change.` })
    @ApiHeader({ ...IF_MATCH, required: true })
    async update(
      @Param('id', UuidPipe) id: string,
      @Body() input: UpdatePageInput,
      @Headers('if-match') ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return withEtag(res, await this.admin.update(id, input, parseIfMatch(ifMatch, id), actor, kind));
    }

    @Delete(':id')
    @HttpCode(204)
    @RequireScopes('content:write')
    @ApiOperation({ summary: `Delete a ${noun}; requires If-Match.` })
    @ApiNoContentResponse({ description: 'Deleted.' })
    @ApiHeader({ ...IF_MATCH, required: true })
    async remove(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: WriteActor): Promise<void> {
      await this.admin.delete(id, parseIfMatch(ifMatch, id), actor, kind);
    }

    @Post(':id/publish')
    @HttpCode(200)
    @RequireScopes('content:publish')
    @ApiOperation({ summary: docs.publish })
    @ApiDataResponse(resource, { description: `The ${noun}, PUBLISHED or SCHEDULED.` })
    @ApiHeader({ ...IF_MATCH, required: false })
    async publish(
      @Param('id', UuidPipe) id: string,
      @Body() input: PublishPostInput,
      @Headers('if-match') ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return withEtag(res, await this.admin.publish(id, input, parseOptionalIfMatch(ifMatch, id), actor, kind));
    }

    @Post(':id/unpublish')
    @HttpCode(200)
    @RequireScopes('content:publish')
    @ApiOperation({ summary: docs.unpublish })
    @ApiDataResponse(resource, { description: `The ${noun}, now a DRAFT.` })
    @ApiHeader({ ...IF_MATCH, required: false })
    async unpublish(
      @Param('id', UuidPipe) id: string,
      @Headers('if-match') ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return withEtag(res, await this.admin.unpublish(id, parseOptionalIfMatch(ifMatch, id), actor, kind));
    }

    @Get(':id/revisions')
    @RequireScopes('content:read')
    @ApiOperation({ summary: docs.revisions })
    @ApiListResponse(PostRevisionModel, 'total', `Every revision of the ${noun}, newest first.`)
    async revisions(@Param('id', UuidPipe) id: string) {
      return whole(await this.admin.revisions(id, kind));
    }

    @Post(':id/revisions/:n/restore')
    @HttpCode(200)
    @RequireScopes('content:write')
    @ApiOperation({ summary: docs.restore })
    @ApiDataResponse(resource, { description: `The ${noun} with the revision restored.` })
    @ApiHeader({ ...IF_MATCH, required: true })
    async restore(
      @Param('id', UuidPipe) id: string,
      @Param('n', RevisionNumber) n: number,
      @Headers('if-match') ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return withEtag(res, await this.admin.restore(id, n, parseIfMatch(ifMatch, id), actor, kind));
    }
  }
  declareParamType(AdminDocumentRoutes, 'list', 0, types.listQuery);
  declareParamType(AdminDocumentRoutes, 'get', 1, types.getQuery);
  declareParamType(AdminDocumentRoutes, 'create', 0, types.create);
  declareParamType(AdminDocumentRoutes, 'update', 1, types.update);
  return AdminDocumentRoutes;
}
