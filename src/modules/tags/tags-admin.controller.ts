import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers.interceptor';
import { list, one } from '../../common/http/envelopes';
import { PageQuery } from '../../common/pagination/page.query';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { AdminTagModel } from './models/admin-tag.model';
import { TagsAdminService } from './tags-admin.service';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag from the last read or write (428 without it, 412 when stale).' };

@ApiTags('admin: tags')
@ApiBearerAuth()
@Controller('api/admin/tags')
@SetMetadata(PRIVATE_RESPONSE, true)
export class TagsAdminController {
  constructor(private readonly tags: TagsAdminService) {}

  @Get()
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'Every tag, used or not, by name, each with its ETag.' })
  @ApiListResponse(AdminTagModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.tags.list(query));
  }

  @Get(':id')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'One tag (used or not); the ETag header is what PATCH and DELETE expect in If-Match.' })
  @ApiDataResponse(AdminTagModel)
  async get(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.tags.get(id));
  }

  @Post()
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Create a tag. The slug is generated from the name (made unique) unless given; a taken explicit slug is 409.' })
  @ApiDataResponse(AdminTagModel, { status: 201, description: 'Created.' })
  async create(@Body() body: CreateTagInput, @Actor() actor: AuditActor, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.tags.create(body, actor));
  }

  @Patch(':id')
  @RequireScopes('content:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change name, slug or description of a tag. Requires If-Match.' })
  @ApiDataResponse(AdminTagModel)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateTagInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: AuditActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.tags.update(id, body, ifMatch, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('content:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Delete a tag and remove it from every post (related posts and search follow). Requires If-Match.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async delete(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: AuditActor) {
    await this.tags.delete(id, ifMatch, actor);
  }
}

function withEtag(res: Response, tag: AdminTagModel) {
  res.setHeader('ETag', tag.etag);
  return one(tag);
}
