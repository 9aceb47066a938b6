import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Public } from '../../common/auth/access.decorators';
import { Previewable } from '../../common/preview/preview-request';
import { DomainError } from '../../common/errors/domain-error';
import { toConnection } from '../../common/graphql/connection.mapper';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { DocumentFieldsResolver } from './document-fields.resolver';
import { toPageRequest } from './domain/post-listing';
import { PagesArgs } from './dto/pages.args';
import { PageConnection } from './models/post-connection.model';
import { PageModel } from './models/post.model';
import { selects } from './posts.resolver';

/** Public page queries: the post read path with the page kind. */
@Resolver(() => PageModel)
export class PagesResolver extends DocumentFieldsResolver(PageModel, 'page') {
  @Public()
  @Query(() => PageConnection, { description: 'Published pages, as a connection (cursor or page pagination).' })
  async pages(@Args() args: PagesArgs, @Info() info: GraphQLResolveInfo) {
    const order = args.order;
    const result = await this.documents.listPublished({
      kind: 'page',
      filter: { ...args.filter },
      order,
      page: toPageRequest({ limit: args.first, page: args.page, cursor: args.after }, 'cursor'),
      withTotal: selects(info, 'totalCount'),
    });
    return toConnection(result, (page) => this.documents.cursorFor(page, order));
  }

  @Public()
  @Previewable('page')
  @Query(() => PageModel, {
    nullable: true,
    description: 'One published page, by id or slug (exactly one); null when there is none. Old slugs resolve to the page.',
  })
  async page(
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('slug', { nullable: true }, SlugPipe) slug?: string,
  ) {
    if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
    const found = id !== undefined ? this.documents.getPublishedById(id, [], 'page') : this.documents.getPublishedBySlug(slug!, [], 'page');
    return nullWhenMissing(found);
  }
}
