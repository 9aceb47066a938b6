import { Args, Context, GraphQLISODateTime, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { toConnection } from '../../common/graphql/connection.mapper';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { acceptedVersions, optionalAcceptedVersions } from './domain/post-etag';
import { toPageRequest } from './domain/post-listing';
import { CreatePageInput } from './dto/create-page.input';
import { AdminPagesArgs } from './dto/pages.args';
import { UpdatePageInput } from './dto/update-page.input';
import { exposeBodies } from './graphql-body';
import { PageConnection } from './models/post-connection.model';
import { PostRevisionModel } from './models/post-revision.model';
import { PageModel } from './models/post.model';
import { PostLoaders } from './posts.loaders';
import { PostsAdminService, WriteActor } from './posts-admin.service';

type Ctx = GraphQLContext<PostLoaders>;
const VERSION = { type: () => Int, nullable: true, description: 'The page version you last read (or give ifMatch).' };
const IF_MATCH = { type: () => String, nullable: true, description: 'The REST ETag, as an alternative to version.' };
const PAGE_ID = { type: () => ID };

/** Editor queries and mutations on pages: the post use cases with the page kind, as /api/admin/pages. */
@Resolver(() => PageModel)
export class PagesAdminResolver {
  constructor(private readonly admin: PostsAdminService) {}

  @Query(() => PageConnection, { description: 'Pages of any status (content:read). Page pagination only.' })
  @RequireScopes('content:read')
  async adminPages(@Args() args: AdminPagesArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
    const page = toPageRequest({ limit: args.first, page: args.page }, 'page');
    const result = await this.admin.list({ kind: 'page', filter: { ...args.filter }, statuses: args.status, order: args.order, page });
    await exposeBodies(this.admin, result.items, info, ctx);
    return toConnection(result);
  }

  @Query(() => PageModel, { nullable: true, description: 'One page of any status (content:read); null when there is none.' })
  @RequireScopes('content:read')
  async adminPage(@Args('id', PAGE_ID, UuidPipe) id: string, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
    const page = await nullWhenMissing(this.admin.get(id, [], 'page'));
    return page && exposeBodies(this.admin, [page], info, ctx);
  }

  @Query(() => [PostRevisionModel], { description: 'Revisions of a page, newest first (content:read).' })
  @RequireScopes('content:read')
  pageRevisions(@Args('id', PAGE_ID, UuidPipe) id: string) {
    return this.admin.revisions(id, 'page');
  }

  @Mutation(() => PageModel, { description: 'Create a draft page (content:write). A retry with the same idempotencyKey and input returns the first result.' })
  @RequireScopes('content:write')
  async createPage(
    @Args('input') input: CreatePageInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) key: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const result = await this.admin.create(input, actor, key ?? undefined, 'page');
    return exposeBodies(this.admin, [this.admin.revive((result.body as { data: unknown }).data)], info, ctx);
  }

  @Mutation(() => PageModel, { description: 'Partial page update (content:write); needs the current version (PRECONDITION_FAILED when stale).' })
  @RequireScopes('content:write')
  async updatePage(
    @Args('id', PAGE_ID, UuidPipe) id: string,
    @Args('input') input: UpdatePageInput,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    return exposeBodies(this.admin, [await this.admin.update(id, input, acceptedVersions(id, { version, ifMatch }), actor, 'page')], info, ctx);
  }

  @Mutation(() => Boolean, { description: 'Delete a page (content:write); needs the current version.' })
  @RequireScopes('content:write')
  async deletePage(
    @Args('id', PAGE_ID, UuidPipe) id: string,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
  ) {
    await this.admin.delete(id, acceptedVersions(id, { version, ifMatch }), actor, 'page');
    return true;
  }

  @Mutation(() => PageModel, { description: 'Publish a page now, schedule it (publishAt in the future) or backdate it (publishedAt) (content:publish).' })
  @RequireScopes('content:publish')
  async publishPage(
    @Args('id', PAGE_ID, UuidPipe) id: string,
    @Args('publishAt', { type: () => GraphQLISODateTime, nullable: true }) publishAt: Date | undefined,
    @Args('publishedAt', { type: () => GraphQLISODateTime, nullable: true }) publishedAt: Date | undefined,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const request = { publishAt: publishAt ?? undefined, publishedAt: publishedAt ?? undefined };
    const page = await this.admin.publish(id, request, optionalAcceptedVersions(id, { version, ifMatch }), actor, 'page');
    return exposeBodies(this.admin, [page], info, ctx);
  }

  @Mutation(() => PageModel, { description: 'A page back to DRAFT (content:publish).' })
  @RequireScopes('content:publish')
  async unpublishPage(
    @Args('id', PAGE_ID, UuidPipe) id: string,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const page = await this.admin.unpublish(id, optionalAcceptedVersions(id, { version, ifMatch }), actor, 'page');
    return exposeBodies(this.admin, [page], info, ctx);
  }

  @Mutation(() => PageModel, { description: "Write a page revision's content back as a new revision (content:write); needs the current version." })
  @RequireScopes('content:write')
  async restorePageRevision(
    @Args('id', PAGE_ID, UuidPipe) id: string,
    @Args('number', { type: () => Int }) number: number,
    @Args('version', VERSION) version: number | undefined,
    @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
    @Actor() actor: WriteActor,
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: Ctx,
  ) {
    const page = await this.admin.restore(id, number, acceptedVersions(id, { version, ifMatch }), actor, 'page');
    return exposeBodies(this.admin, [page], info, ctx);
  }
}
