import { Body, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res, Type } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { list, one } from '../../common/http/envelopes';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { PageQuery } from '../../common/pagination/page.query';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { declareParamTypes } from './declare-param-types';
import type { AdminOf, LabelsAdminService } from './labels-admin.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag from the last read or write (428 without it, 412 when stale).' };

interface AdminDocs {
  list: string;
  get: string;
  create: string;
  update: string;
  delete: string;
}

/**
 * The editor routes of one label kind (list, get, create, update, delete with If-Match); the kind's
 * controller class adds the path, tag and private caching.
 */
export function LabelsAdminController<A extends { etag: string }, C, U>(types: { model: Type<A>; create: Type<C>; update: Type<U> }, docs: AdminDocs) {
  abstract class AdminLabelRoutes {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    protected constructor(private readonly service: LabelsAdminService<any, any, any, any>) {}

    @Get()
    @RequireScopes('content:read')
    @ApiOperation({ summary: docs.list })
    @ApiListResponse(types.model, 'page')
    async list(@Query() query: PageQuery) {
      return list(await this.service.list(query));
    }

    @Get(':id')
    @RequireScopes('content:read')
    @ApiOperation({ summary: docs.get })
    @ApiDataResponse(types.model)
    async get(@Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
      return withEtag(res, await this.service.get(id));
    }

    @Post()
    @RequireScopes('content:write')
    @ApiOperation({ summary: docs.create })
    @ApiDataResponse(types.model, { status: 201, description: 'Created.' })
    async create(@Body() body: C, @Actor() actor: AuditActor, @Res({ passthrough: true }) res: Response) {
      return withEtag(res, await this.service.create(body, actor));
    }

    @Patch(':id')
    @RequireScopes('content:write')
    @ApiHeader(IF_MATCH)
    @ApiOperation({ summary: docs.update })
    @ApiDataResponse(types.model)
    async update(
      @Param('id', UuidPipe) id: string,
      @Body() body: U,
      @Headers('if-match') ifMatch: string | undefined,
      @Actor() actor: AuditActor,
      @Res({ passthrough: true }) res: Response,
    ) {
      return withEtag(res, await this.service.update(id, body, ifMatch, actor));
    }

    @Delete(':id')
    @HttpCode(204)
    @RequireScopes('content:write')
    @ApiHeader(IF_MATCH)
    @ApiOperation({ summary: docs.delete })
    @ApiNoContentResponse({ description: 'Deleted.' })
    async delete(@Param('id', UuidPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Actor() actor: AuditActor) {
      await this.service.delete(id, ifMatch, actor);
    }
  }
  declareParamTypes(AdminLabelRoutes as unknown as Type<unknown>, 'create', [types.create, Object, Object]);
  declareParamTypes(AdminLabelRoutes as unknown as Type<unknown>, 'update', [String, types.update, Object, Object, Object]);
  return AdminLabelRoutes;
}

function withEtag<A extends { etag: string }>(res: Response, label: AdminOf<A> | A) {
  res.setHeader('ETag', label.etag);
  return one(label);
}
