import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { one, whole } from '../../common/http/envelopes';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers.interceptor';
import { pickFields } from '../../common/http/pick-fields';
import { IntParamPipe } from '../../common/validation/int-param.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { parseIfMatch, parseOptionalIfMatch, postEtag } from './domain/post-etag';
import { DEFAULT_POST_ORDER, toPageRequest } from './domain/post-listing';
import { AdminListPostsQuery } from './dto/admin-list-posts.query';
import { CreatePostInput } from './dto/create-post.input';
import { GetPostQuery } from './dto/get-post.query';
import { PublishPostInput } from './dto/publish-post.input';
import { UpdatePostInput } from './dto/update-post.input';
import { ADMIN_POST_FORMATS, PostsAdminService, WriteActor } from './posts-admin.service';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { AdminPostResource } from './models/post-resource.model';
import { createdDocument, documentList, withEtag } from './document-responses';
import { PostRevisionModel } from './models/post-revision.model';

export const IF_MATCH = { name: 'If-Match', description: 'The ETag of the document as last read ("<id>:<version>").' };
export const RevisionNumber = new IntParamPipe('n');

@ApiTags('admin: posts')
@ApiBearerAuth()
@SetMetadata(PRIVATE_RESPONSE, true)
@Controller('api/admin/posts')
export class PostsAdminController {
  constructor(private readonly admin: PostsAdminService) {}

  @Get()
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'List posts of any status (drafts, scheduled, published); `status=` plus the public filters. Page pagination.' })
  @ApiListResponse(AdminPostResource, 'page', 'Posts of any status.')
  async list(@Query() query: AdminListPostsQuery) {
    const result = await this.admin.list(
      {
        filter: { tags: query.tag, authors: query.author, featured: query.featured, publishedAfter: query.publishedAfter, publishedBefore: query.publishedBefore },
        statuses: query.status,
        order: query.order ?? DEFAULT_POST_ORDER,
        page: toPageRequest(query),
      },
      query.formats ?? [],
    );
    return documentList(result, query.fields);
  }

  @Get(':id')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'One post of any status, with html and markdown by default. Its ETag is what If-Match must echo.' })
  @ApiDataResponse(AdminPostResource, { description: 'The post; the ETag header carries its version.' })
  async get(@Param('id', UuidPipe) id: string, @Query() query: GetPostQuery, @Res({ passthrough: true }) res: Response) {
    const post = await this.admin.get(id, query.formats ?? ADMIN_POST_FORMATS);
    res.setHeader('ETag', postEtag(post.id, post.version));
    return one(pickFields(post, query.fields));
  }

  @Post()
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Create a draft. Honours Idempotency-Key (24 h, per token): a retry replays the first response.' })
  @ApiDataResponse(AdminPostResource, { status: 201, description: 'The draft (or, with `Idempotent-Replayed: true`, the first answer to this key).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1–255 printable ASCII characters.' })
  async create(
    @Body() input: CreatePostInput,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return createdDocument(res, await this.admin.create(input, actor, key), 'posts');
  }

  @Patch(':id')
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Partial update; requires If-Match (428 without, 412 when stale). Tag and author lists are replaced.' })
  @ApiDataResponse(AdminPostResource, { description: 'The post after the change.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() input: UpdatePostInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.admin.update(id, input, parseIfMatch(ifMatch, id), actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Delete a post; requires If-Match.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async remove(
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
  ): Promise<void> {
    await this.admin.delete(id, parseIfMatch(ifMatch, id), actor);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireScopes('content:publish')
  @ApiOperation({ summary: 'Publish now, schedule (`publishAt` in the future) or publish an import dated in the past (`publishedAt`).' })
  @ApiDataResponse(AdminPostResource, { description: 'The post, PUBLISHED or SCHEDULED.' })
  @ApiHeader({ ...IF_MATCH, required: false })
  async publish(
    @Param('id', UuidPipe) id: string,
    @Body() input: PublishPostInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.admin.publish(id, input, parseOptionalIfMatch(ifMatch, id), actor));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @RequireScopes('content:publish')
  @ApiOperation({ summary: 'Back to DRAFT (from PUBLISHED or SCHEDULED); publishedAt is cleared.' })
  @ApiDataResponse(AdminPostResource, { description: 'The post, now a DRAFT.' })
  @ApiHeader({ ...IF_MATCH, required: false })
  async unpublish(
    @Param('id', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.admin.unpublish(id, parseOptionalIfMatch(ifMatch, id), actor));
  }

  @Get(':id/revisions')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'Revisions of a post, newest first: number, createdAt, tokenId and the snapshot.' })
  @ApiListResponse(PostRevisionModel, 'total', 'Every revision of the post, newest first.')
  async revisions(@Param('id', UuidPipe) id: string) {
    return whole(await this.admin.revisions(id));
  }

  @Post(':id/revisions/:n/restore')
  @HttpCode(200)
  @RequireScopes('content:write')
  @ApiOperation({ summary: "Write a revision's content fields back (status is kept); recorded as a new revision. Requires If-Match." })
  @ApiDataResponse(AdminPostResource, { description: 'The post with the revision restored.' })
  @ApiHeader({ ...IF_MATCH, required: true })
  async restore(
    @Param('id', UuidPipe) id: string,
    @Param('n', RevisionNumber) n: number,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.admin.restore(id, n, parseIfMatch(ifMatch, id), actor));
  }
}
