import { Resolver } from '@nestjs/graphql';
import { DocumentsPublicResolver } from './documents.resolver';
import { PagesArgs } from './dto/pages.args';
import { PageConnection } from './models/post-connection.model';
import { PageModel } from './models/post.model';
import { PAGE_TRANSPORT } from './page.transport';
import { PostsService } from './posts.service';

/** Public page queries: the post read path with the page kind. */
@Resolver(() => PageModel)
export class PagesResolver extends DocumentsPublicResolver(PAGE_TRANSPORT, { model: PageModel, connection: PageConnection, args: PagesArgs }) {
  constructor(documents: PostsService) {
    super(documents);
  }
}
