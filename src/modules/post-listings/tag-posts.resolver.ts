import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { PostConnection } from '../posts/models/post-connection.model';
import { TagModel } from '../tags/models/tag.model';
import { OwnedPostsArgs } from './dto/owned-posts.args';
import { PostListingLoaders } from './post-listings.loaders';

/** Adds `Tag.posts`; lives here so that the tags module never depends on posts. */
@Resolver(() => TagModel)
export class TagPostsResolver {
  @ResolveField(() => PostConnection, { description: 'Published posts with this tag, newest first (cursor pagination).' })
  posts(@Parent() tag: TagModel, @Context() ctx: GraphQLContext<PostListingLoaders>, @Args() args: OwnedPostsArgs) {
    return ctx.loaders.tagPosts.load({ ownerId: tag.id, first: args.first, after: args.after });
  }
}
