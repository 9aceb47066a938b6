import { Get, Param, Query, Type } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { list, one } from '../../common/http/envelopes';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { PageQuery } from '../../common/pagination/page.query';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import type { LabelsService } from './labels.service';
import type { LabelKind } from './label-kind';
import type { LabelModel } from './models/label.model';

/**
 * The public routes of one label kind (list, by slug, by id); the kind's controller class adds the
 * path, tag and access declaration. `docs.list` words the list operation.
 */
export function LabelsPublicController<M extends LabelModel>(model: Type<M>, docs: { noun: string; list: string }) {
  abstract class PublicLabelRoutes {
    protected constructor(private readonly service: LabelsService<LabelKind, M>) {}

    @Get()
    @ApiOperation({ summary: docs.list })
    @ApiListResponse(model, 'page')
    async list(@Query() query: PageQuery) {
      return list(await this.service.listPublic(query));
    }

    @Get('slug/:slug')
    @ApiOperation({ summary: `One ${docs.noun} by slug.` })
    @ApiDataResponse(model, { description: `The ${docs.noun}.` })
    async bySlug(@Param('slug', SlugPipe) slug: string) {
      return one(await this.service.getPublicBySlug(slug));
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${docs.noun} by id.` })
    @ApiDataResponse(model, { description: `The ${docs.noun}.` })
    async byId(@Param('id', UuidPipe) id: string) {
      return one(await this.service.getPublicById(id));
    }
  }
  return PublicLabelRoutes;
}
