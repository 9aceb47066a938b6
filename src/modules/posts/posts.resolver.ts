import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DomainError } from '../../common/errors/domain-error';
import { toConnection } from '../../common/graphql/connection.mapper';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { AuthorModel } from '../authors/models/author.model';
import { TagModel } from '../tags/models/tag.model';
import { toPageRequest } from './domain/post-listing';
import { PostsArgs } from './dto/posts.args';
import { PostConnection } from './models/post-connection.model';
import { PostModel } from './models/post.model';
import { hasRelations } from './post.mapper';
import { PostLoaders } from './posts.loaders';
import { PostsService } from './posts.service';
import { DocumentFieldsResolver } from './document-fields.resolver';
import { Public } from '../../common/auth/access.decorators';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { Previewable } from '../../common/preview/preview-request';

type Ctx = GraphQLContext<PostLoaders>;

/** Whether the current field selects `field` directly (e.g. a connection's totalCount). */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === 'Field' && s.name.value === field),
  );
}

@Resolver(() => PostModel)
export class PostsResolver extends DocumentFieldsResolver(PostModel, 'post') {
  constructor(private readonly service: PostsService) {
    super(service);
  }

  @Public()
  @Query(() => PostConnection, { description: 'Published posts, as a connection (cursor or page pagination).' })
  async posts(@Args() args: PostsArgs, @Info() info: GraphQLResolveInfo) {
    const order = args.order;
    const f = args.filter ?? {};
    const result = await this.service.listPublished({
      filter: { tags: f.tag, authors: f.author, featured: f.featured, publishedAfter: f.publishedAfter, publishedBefore: f.publishedBefore },
      order,
      page: toPageRequest({ limit: args.first, page: args.page, cursor: args.after }, 'cursor'),
      withTotal: selects(info, 'totalCount'),
    });
    return toConnection(result, (post) => this.service.cursorFor(post, order));
  }

  @Public()
  @Previewable()
  @Query(() => PostModel, {
    nullable: true,
    description: 'One published post, by id or slug (exactly one); null when there is none. Old slugs resolve to the post.',
  })
  async post(
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('slug', { nullable: true }, SlugPipe) slug?: string,
  ) {
    if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
    // Body fields come from the body loader when selected, so the lookup itself reads none.
    return nullWhenMissing(id !== undefined ? this.service.getPublishedById(id, []) : this.service.getPublishedBySlug(slug!, []));
  }

  // Public reads bring tags and authors in their own statement; editor reads use the loaders.
  @ResolveField(() => [TagModel], { description: 'Tags in order; the first is the primary tag.' })
  tags(@Parent() post: PostModel, @Context() ctx: Ctx) {
    return hasRelations(post) ? post.tags : ctx.loaders.tags.load(post.id);
  }

  @ResolveField(() => TagModel, { nullable: true })
  async primaryTag(@Parent() post: PostModel, @Context() ctx: Ctx) {
    return (await this.tags(post, ctx))[0] ?? null;
  }

  @ResolveField(() => [AuthorModel], { description: 'Authors in order; the first is the primary author.' })
  authors(@Parent() post: PostModel, @Context() ctx: Ctx) {
    return hasRelations(post) ? post.authors : ctx.loaders.authors.load(post.id);
  }

  @ResolveField(() => AuthorModel, { nullable: true })
  async primaryAuthor(@Parent() post: PostModel, @Context() ctx: Ctx) {
    return (await this.authors(post, ctx))[0] ?? null;
  }
}
