import { Args, Context, GraphQLISODateTime, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { toConnection } from '../../common/graphql/connection.mapper';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { acceptedVersions, optionalAcceptedVersions } from './domain/post-etag';
import { toPageRequest } from './domain/post-listing';
import { AdminPostsArgs } from './dto/admin-posts.args';
import { CreatePostInput } from './dto/create-post.input';
import { UpdatePostInput } from './dto/update-post.input';
import { exposeBodies } from './graphql-body';
import { PostConnection } from './models/post-connection.model';
import { PostRevisionModel } from './models/post-revision.model';
import { PostModel } from './models/post.model';
import { PostLoaders } from './posts.loaders';
import { PostsAdminService, WriteActor } from './posts-admin.service';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';

type Ctx = GraphQLContext<PostLoaders>;
const VERSION = { type: () => Int, nullable: true, description: 'The post version you last read (or give ifMatch).' };
const IF_MATCH = { type: () => String, nullable: true, description: 'The REST ETag, as an alternative to version.' };

/** Editor queries and mutations on posts: the same service and rules as /api/admin/posts. */
@Resolver(() => PostModel)
export class PostsAdminResolver {
  constructor(private readonly admin: PostsAdminService) {}

  @Query(() => PostConnection, { description: 'Posts of any status (content:read). Page pagination only.' })
  @RequireScopes('content:read')
  async adminPosts(@Args() args: AdminPostsArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
    const f = args.filter ?? {};
    const result = await this.admin.list({
      filter: { tags: f.tag, authors: f.author, featured: f.featured, publishedAfter: f.publishedAfter, publishedBefore: f.publishedBefore },
      statuses: args.status,
      order: args.order,
      page: toPageRequest({ limit: args.first, page: args.page }, 'page'),
    });
    await this.exposeBodies(result.items, info, ctx);
    return toConnection(result);
  }

  @Query(() => PostModel, { nullable: true, description: 'One post of any status (content:read); null when there is none.' })
  @RequireScopes('content:read')
  async adminPost(@Args('id', { type: () => ID }, UuidPipe) id: string, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
    const post = await nullWhenMissing(this.admin.get(id, []));
    return post && this.exposeBodies([post], info, ctx);
  }

  @Query(() => [PostRevisionModel], { description: 'Revisions of a post, newest first (content:read).' })
  @RequireScopes('content:read')
  postRevisions(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.admin.revisions(id);
  }

  @Mutation(() => PostModel, { description: 'Create a draft (content:write). A retry with the same idempotencyKey and input returns the first result.' })
  @RequireScopes('content:write')
  async createPost(
    @Args('input') input: CreatePostInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) key: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const result = await this.admin.create(input, actor, key ?? undefined);
    return this.exposeBodies([this.admin.revive((result.body as { data: unknown }).data)], info, ctx);
  }

  @Mutation(() => PostModel, { description: 'Partial update (content:write); needs the current version (PRECONDITION_FAILED when stale).' })
  @RequireScopes('content:write')
  async updatePost(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdatePostInput,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const post = await this.admin.update(id, input, acceptedVersions(id, { version, ifMatch }), actor);
    return this.exposeBodies([post], info, ctx);
  }

  @Mutation(() => Boolean, { description: 'Delete a post (content:write); needs the current version.' })
  @RequireScopes('content:write')
  async deletePost(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
  ) {
    await this.admin.delete(id, acceptedVersions(id, { version, ifMatch }), actor);
    return true;
  }

  @Mutation(() => PostModel, { description: 'Publish now, schedule (publishAt in the future) or backdate an import (publishedAt) (content:publish).' })
  @RequireScopes('content:publish')
  async publishPost(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('publishAt', { type: () => GraphQLISODateTime, nullable: true }) publishAt: Date | undefined,
    @Args('publishedAt', { type: () => GraphQLISODateTime, nullable: true }) publishedAt: Date | undefined,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const request = { publishAt: publishAt ?? undefined, publishedAt: publishedAt ?? undefined };
    const post = await this.admin.publish(id, request, optionalAcceptedVersions(id, { version, ifMatch }), actor);
    return this.exposeBodies([post], info, ctx);
  }

  @Mutation(() => PostModel, { description: 'Back to DRAFT (content:publish).' })
  @RequireScopes('content:publish')
  async unpublishPost(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const post = await this.admin.unpublish(id, optionalAcceptedVersions(id, { version, ifMatch }), actor);
    return this.exposeBodies([post], info, ctx);
  }

  @Mutation(() => PostModel, { description: "Write a revision's content back as a new revision (content:write); needs the current version." })
  @RequireScopes('content:write')
  async restorePostRevision(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('number', { type: () => Int }) number: number,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const post = await this.admin.restore(id, number, acceptedVersions(id, { version, ifMatch }), actor);
    return this.exposeBodies([post], info, ctx);
  }

  private exposeBodies<T extends PostModel>(posts: T[], info: GraphQLResolveInfo, ctx: Ctx): Promise<T> {
    return exposeBodies(this.admin, posts, info, ctx);
  }
}
