import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { DocumentsPublicController } from './documents.controller';
import { GetPageQuery, ListPagesQuery } from './dto/list-pages.query';
import { PageResource, PageSummaryResource } from './models/post-resource.model';
import { PAGE_TRANSPORT } from './page.transport';
import { PostsService } from './posts.service';

/** Public pages: the post read path with the page kind (same pagination, ETag, fields and formats). */
@ApiTags('pages')
@Public()
@Controller('api/pages')
export class PagesController extends DocumentsPublicController(
  PAGE_TRANSPORT,
  { summary: PageSummaryResource, resource: PageResource, listQuery: ListPagesQuery, getQuery: GetPageQuery },
  { list: 'List published pages (newest first by default). Same parameters as posts, without tag and author.' },
) {
  constructor(documents: PostsService) {
    super(documents);
  }
}
