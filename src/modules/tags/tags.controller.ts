import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { list, one } from '../../common/http/envelopes';
import { PageQuery } from '../../common/pagination/page.query';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { TagsService } from './tags.service';
import { Public } from '../../common/auth/access.decorators';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { TagModel } from './models/tag.model';

@ApiTags('tags')
@Public()
@Controller('api/tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @ApiOperation({ summary: 'List tags that label at least one published post, by name.' })
  @ApiListResponse(TagModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.tags.listPublic(query));
  }

  @Get('slug/:slug')
  @ApiOperation({ summary: 'One tag by slug.' })
  @ApiDataResponse(TagModel, { description: 'The tag.' })
  async bySlug(@Param('slug', SlugPipe) slug: string) {
    return one(await this.tags.getPublicBySlug(slug));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One tag by id.' })
  @ApiDataResponse(TagModel, { description: 'The tag.' })
  async byId(@Param('id', UuidPipe) id: string) {
    return one(await this.tags.getPublicById(id));
  }
}
