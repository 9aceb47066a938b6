import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { PostConnection } from '../posts/models/post-connection.model';
import { AuthorModel } from '../authors/models/author.model';
import { OwnedPostsArgs } from './dto/owned-posts.args';
import { PostListingLoaders } from './post-listings.loaders';

/** Adds `Author.posts`; lives here so that the authors module never depends on posts. */
@Resolver(() => AuthorModel)
export class AuthorPostsResolver {
  @ResolveField(() => PostConnection, { description: 'Published posts by this author, newest first (cursor pagination).' })
  posts(@Parent() author: AuthorModel, @Context() ctx: GraphQLContext<PostListingLoaders>, @Args() args: OwnedPostsArgs) {
    return ctx.loaders.authorPosts.load({ ownerId: author.id, first: args.first, after: args.after });
  }
}
