import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers.interceptor';
import { whole } from '../../common/http/envelopes';
import { pickFields } from '../../common/http/pick-fields';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { createdDocument, documentList, withEtag } from './document-responses';
import { parseIfMatch, parseOptionalIfMatch } from './domain/post-etag';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import { CreatePageInput } from './dto/create-page.input';
import { AdminListPagesQuery, GetPageQuery } from './dto/list-pages.query';
import { PublishPostInput } from './dto/publish-post.input';
import { UpdatePageInput } from './dto/update-page.input';
import { AdminPageResource } from './models/post-resource.model';
import { PostRevisionModel } from './models/post-revision.model';
import { IF_MATCH, RevisionNumber } from './posts-admin.controller';
import { ADMIN_POST_FORMATS, PostsAdminService, WriteActor } from './posts-admin.service';

/** Editor routes for pages: the post use cases with the page kind, the same scopes and headers. */
@ApiTags('admin: pages')
@ApiBearerAuth()
@SetMetadata(PRIVATE_RESPONSE, true)
@Controller('api/admin/pages')
export class PagesAdminController {
  constructor(private readonly admin: PostsAdminService) {}

  @Get()
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'List pages of any status; `status=`, `featured`, `publishedAfter/Before`. Page pagination.' })
  @ApiListResponse(AdminPageResource, 'page', 'Pages of any status.')
  async list(@Query() query: AdminListPagesQuery) {
    const { featured, publishedAfter, publishedBefore } = query;
    const filter = { featured, publishedAfter, publishedBefore };
    const order = query.order ?? DEFAULT_POST_ORDER;
    const result = await this.admin.list({ kind: 'page', filter, statuses: query.status, order, page: toPageRequest(query) }, query.formats ?? []);
    return documentList(result, query.fields);
  }

  @Get(':id')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'One page of any status, with html and markdown by default. Its ETag is what If-Match must echo.' })
  @ApiDataResponse(AdminPageResource, { description: 'The page; the ETag header carries its version.' })
  async get(@Param('id', UuidPipe) id: string, @Query() query: GetPageQuery, @Res({ passthrough: true }) res: Response) {
    const page = await this.admin.get(id, query.formats ?? ADMIN_POST_FORMATS, 'page');
    return { data: pickFields(withEtag(res, page).data, query.fields) };
  }

  @Post()
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Create a draft page. Honours Idempotency-Key (24 h, per token): a retry replays the first response.' })
  @ApiDataResponse(AdminPageResource, { status: 201, description: 'The draft (or, with `Idempotent-Replayed: true`, the first answer to this key).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–255 printable ASCII characters.' })
  async create(@Body() input: CreatePageInput, @Headers('idempotency-key') key: string | undefined, @Actor() actor: WriteActor, @Res({ passthrough: true }) res: Response) {
    return createdDocument(res, await this.admin.create(input, actor, key, 'page'), 'pages');
  }

  @Patch(':id')
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Partial update of a page; requires If-Match (428 without, 412 when stale).' })
  @ApiDataResponse(AdminPageResource, { description: 'The page after the change.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async update(@Param('id', UuidPipe) id: string, @Body() input: UpdatePageInput, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: WriteActor, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.admin.update(id, input, parseIfMatch(ifMatch, id), actor, 'page'));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Delete a page; requires If-Match.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async remove(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: WriteActor): Promise<void> {
    await this.admin.delete(id, parseIfMatch(ifMatch, id), actor, 'page');
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireScopes('content:publish')
  @ApiOperation({ summary: 'Publish a page now, schedule it (`publishAt` in the future) or backdate an import (`publishedAt`).' })
  @ApiDataResponse(AdminPageResource, { description: 'The page, PUBLISHED or SCHEDULED.' })
  @ApiHeader({ ...IF_MATCH, required: false })
  async publish(@Param('id', UuidPipe) id: string, @Body() input: PublishPostInput, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: WriteActor, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.admin.publish(id, input, parseOptionalIfMatch(ifMatch, id), actor, 'page'));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @RequireScopes('content:publish')
  @ApiOperation({ summary: 'A page back to DRAFT (from PUBLISHED or SCHEDULED); publishedAt is cleared.' })
  @ApiDataResponse(AdminPageResource, { description: 'The page, now a DRAFT.' })
  @ApiHeader({ ...IF_MATCH, required: false })
  async unpublish(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: WriteActor, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.admin.unpublish(id, parseOptionalIfMatch(ifMatch, id), actor, 'page'));
  }

  @Get(':id/revisions')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'Revisions of a page, newest first (the post revision shape; tags and authors are empty).' })
  @ApiListResponse(PostRevisionModel, 'total', 'Every revision of the page, newest first.')
  async revisions(@Param('id', UuidPipe) id: string) {
    return whole(await this.admin.revisions(id, 'page'));
  }

  @Post(':id/revisions/:n/restore')
  @HttpCode(200)
  @RequireScopes('content:write')
  @ApiOperation({ summary: "Write a page revision's content fields back (status is kept); recorded as a new revision. Requires If-Match." })
  @ApiDataResponse(AdminPageResource, { description: 'The page with the revision restored.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async restore(
    @Param('id', UuidPipe) id: string,
    @Param('n', RevisionNumber) n: number,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.admin.restore(id, n, parseIfMatch(ifMatch, id), actor, 'page'));
  }
}
