import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { AuthorModel } from '../authors/models/author.model';
import { TagModel } from '../tags/models/tag.model';
import { DocumentsPublicResolver } from './documents.resolver';
import { PostsArgs } from './dto/posts.args';
import { PostConnection } from './models/post-connection.model';
import { PostModel } from './models/post.model';
import { hasRelations } from './post.mapper';
import { POST_TRANSPORT } from './post.transport';
import { PostLoaders } from './posts.loaders';
import { PostsService } from './posts.service';

type Ctx = GraphQLContext<PostLoaders>;

/** Public post queries (the shared document queries) plus the post-only tags and authors. */
@Resolver(() => PostModel)
export class PostsResolver extends DocumentsPublicResolver(POST_TRANSPORT, { model: PostModel, connection: PostConnection, args: PostsArgs }) {
  constructor(service: PostsService) {
    super(service);
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
