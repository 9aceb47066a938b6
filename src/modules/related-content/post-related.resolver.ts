import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { PostModel } from '../posts/models/post.model';
import { RelatedArgs } from './dto/related.args';
import { RelatedLoaders } from './related-content.loaders';

/** Adds `Post.related` to the Post type owned by the posts module. */
@Resolver(() => PostModel)
export class PostRelatedResolver {
  @ResolveField(() => [PostModel], {
    description: 'Related published posts, best first: tag overlap weighted by tag rarity, text similarity, recency.',
  })
  related(@Parent() post: PostModel, @Context() ctx: GraphQLContext<RelatedLoaders>, @Args() args: RelatedArgs) {
    return ctx.loaders.related.load({ postId: post.id, limit: args.limit });
  }
}
