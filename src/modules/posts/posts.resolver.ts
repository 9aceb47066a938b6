import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../common/graphql/graphql-context';
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
const first = <T>(items: T[]): T | null => items[0] ?? null;

/**
 * Public post queries (the shared document queries) plus the post-only tags and authors. Public reads
 * carry tags and authors from their own statement (read here synchronously); editor reads use the loaders.
 *
 * These run for every post of a list, so they take graphql-js's own arguments (parent, args, context) with
 * no parameter decorators: Nest then binds the method as it is (its "fast field resolver") instead of
 * wrapping each call in its parameter mapping and a promise (whose creation also runs the async-context
 * hooks). Without the wrappers, a cold GraphQL list of 20 costs ~40% less API CPU (README, Performance).
 */
@Resolver(() => PostModel)
export class PostsResolver extends DocumentsPublicResolver(POST_TRANSPORT, { model: PostModel, connection: PostConnection, args: PostsArgs }) {
  constructor(service: PostsService) {
    super(service);
  }

  @ResolveField(() => [TagModel], { description: 'Tags in order; the first is the primary tag.' })
  tags(post: PostModel, _args: unknown, ctx: Ctx) {
    return hasRelations(post) ? post.tags : ctx.loaders.tags.load(post.id);
  }

  @ResolveField(() => TagModel, { nullable: true })
  primaryTag(post: PostModel, _args: unknown, ctx: Ctx) {
    return hasRelations(post) ? post.primaryTag : ctx.loaders.tags.load(post.id).then(first);
  }

  @ResolveField(() => [AuthorModel], { description: 'Authors in order; the first is the primary author.' })
  authors(post: PostModel, _args: unknown, ctx: Ctx) {
    return hasRelations(post) ? post.authors : ctx.loaders.authors.load(post.id);
  }

  @ResolveField(() => AuthorModel, { nullable: true })
  primaryAuthor(post: PostModel, _args: unknown, ctx: Ctx) {
    return hasRelations(post) ? post.primaryAuthor : ctx.loaders.authors.load(post.id).then(first);
  }
}
