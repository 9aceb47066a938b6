import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { list, one } from '../../common/http/envelopes';
import { PageQuery } from '../../common/pagination/page.query';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { AuthorsService } from './authors.service';
import { Public } from '../../common/auth/access.decorators';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { AuthorModel } from './models/author.model';

@ApiTags('authors')
@Public()
@Controller('api/authors')
export class AuthorsController {
  constructor(private readonly authors: AuthorsService) {}

  @Get()
  @ApiOperation({ summary: 'List authors with at least one published post, by name.' })
  @ApiListResponse(AuthorModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.authors.listPublic(query));
  }

  @Get('slug/:slug')
  @ApiOperation({ summary: 'One author by slug.' })
  @ApiDataResponse(AuthorModel, { description: 'The author.' })
  async bySlug(@Param('slug', SlugPipe) slug: string) {
    return one(await this.authors.getPublicBySlug(slug));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One author by id.' })
  @ApiDataResponse(AuthorModel, { description: 'The author.' })
  async byId(@Param('id', UuidPipe) id: string) {
    return one(await this.authors.getPublicById(id));
  }
}
