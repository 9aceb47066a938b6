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
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AdminAuthorModel } from './models/admin-author.model';
import { AuthorsAdminService } from './authors-admin.service';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag from the last read or write (428 without it, 412 when stale).' };

@ApiTags('admin: authors')
@ApiBearerAuth()
@Controller('api/admin/authors')
@SetMetadata(PRIVATE_RESPONSE, true)
export class AuthorsAdminController {
  constructor(private readonly authors: AuthorsAdminService) {}

  @Get()
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'Every author profile, with or without posts, by name, each with its ETag. Never an e-mail.' })
  @ApiListResponse(AdminAuthorModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.authors.list(query));
  }

  @Get(':id')
  @RequireScopes('content:read')
  @ApiOperation({ summary: 'One author (with or without posts); the ETag header is what PATCH and DELETE expect in If-Match.' })
  @ApiDataResponse(AdminAuthorModel)
  async get(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.authors.get(id));
  }

  @Post()
  @RequireScopes('content:write')
  @ApiOperation({ summary: 'Create an author profile (public fields only). The slug is generated from the name (made unique) unless given; a taken explicit slug is 409.' })
  @ApiDataResponse(AdminAuthorModel, { status: 201, description: 'Created.' })
  async create(@Body() body: CreateAuthorInput, @Actor() actor: AuditActor, @Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.authors.create(body, actor));
  }

  @Patch(':id')
  @RequireScopes('content:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change name, slug, bio, avatarUrl or website of an author. Requires If-Match.' })
  @ApiDataResponse(AdminAuthorModel)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateAuthorInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: AuditActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.authors.update(id, body, ifMatch, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('content:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Delete an author and remove them from every post. Requires If-Match.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  async delete(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: AuditActor) {
    await this.authors.delete(id, ifMatch, actor);
  }
}

function withEtag(res: Response, author: AdminAuthorModel) {
  res.setHeader('ETag', author.etag);
  return one(author);
}
