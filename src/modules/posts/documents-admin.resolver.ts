import { Type } from '@nestjs/common';
import { Args, Context, GraphQLISODateTime, ID, Info, Int, Mutation, Query } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { toConnection } from '../../common/graphql/connection.mapper';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import { declareParamType, DocumentTransportSpec } from './document-transport';
import { acceptedVersions, optionalAcceptedVersions } from './domain/post-etag';
import { toPageRequest } from './domain/post-listing';
import type { CreatePageInput } from './dto/create-page.input';
import type { AdminPagesArgs } from './dto/pages.args';
import type { UpdatePageInput } from './dto/update-page.input';
import { exposeBodies } from './graphql-body';
import { PostRevisionModel } from './models/post-revision.model';
import type { DocumentModel } from './models/post.model';
import { PostLoaders } from './posts.loaders';
import { PostsAdminService, WriteActor } from './posts-admin.service';

type Ctx = GraphQLContext<PostLoaders>;
const IF_MATCH = { type: () => String, nullable: true, description: 'The REST ETag, as an alternative to version.' };

/** The descriptions worded per kind. */
export interface DocumentsAdminResolverDocs {
  list: string;
  get: string;
  revisions: string;
  create: string;
  update: string;
  delete: string;
  publish: string;
  unpublish: string;
  restore: string;
}

/**
 * The editor queries and mutations of one document kind (`admin<Plural>`, `admin<Title>`,
 * `<noun>Revisions`, `create<Title>`, `update<Title>`, `delete<Title>`, `publish<Title>`,
 * `unpublish<Title>`, `restore<Title>Revision`) over the shared editor use cases.
 */
export function DocumentsAdminResolver(
  spec: DocumentTransportSpec,
  types: { model: Type<DocumentModel>; connection: Type<unknown>; listArgs: Type<AdminPagesArgs>; create: Type<CreatePageInput>; update: Type<UpdatePageInput> },
  docs: DocumentsAdminResolverDocs,
) {
  const { kind, title } = spec;
  const version = { type: () => Int, nullable: true, description: `The ${spec.noun} version you last read (or give ifMatch).` };

  abstract class AdminDocumentOperations {
    protected constructor(private readonly admin: PostsAdminService) {}

    @Query(() => types.connection, { name: `admin${spec.plural}`, description: docs.list })
    @RequireScopes('content:read')
    async list(@Args() args: AdminPagesArgs, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
      const page = toPageRequest({ limit: args.first, page: args.page }, 'page');
      const result = await this.admin.list({ kind, filter: spec.filter(args.filter ?? {}), statuses: args.status, order: args.order, page });
      await exposeBodies(this.admin, result.items, info, ctx);
      return toConnection(result);
    }

    @Query(() => types.model, { name: `admin${title}`, nullable: true, description: docs.get })
    @RequireScopes('content:read')
    async get(@Args('id', { type: () => ID }, UuidPipe) id: string, @Info() info: GraphQLResolveInfo, @Context() ctx: Ctx) {
      const doc = await nullWhenMissing(this.admin.get(id, [], kind));
      return doc && exposeBodies(this.admin, [doc], info, ctx);
    }

    @Query(() => [PostRevisionModel], { name: `${spec.noun}Revisions`, description: docs.revisions })
    @RequireScopes('content:read')
    revisions(@Args('id', { type: () => ID }, UuidPipe) id: string) {
      return this.admin.revisions(id, kind);
    }

    @Mutation(() => types.model, { name: `create${title}`, description: docs.create })
    @RequireScopes('content:write')
    async create(
      @Args('input', { type: () => types.create }) input: CreatePageInput,
      @Args('idempotencyKey', { type: () => String, nullable: true }) key: string | undefined,
      @Actor() actor: WriteActor,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: Ctx,
    ) {
      const result = await this.admin.create(input, actor, key ?? undefined, kind);
      return exposeBodies(this.admin, [this.admin.revive((result.body as { data: unknown }).data)], info, ctx);
    }

    @Mutation(() => types.model, { name: `update${title}`, description: docs.update })
    @RequireScopes('content:write')
    async update(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('input', { type: () => types.update }) input: UpdatePageInput,
      @Args('version', version) versionArg: number | undefined,
      @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: Ctx,
    ) {
      const doc = await this.admin.update(id, input, acceptedVersions(id, { version: versionArg, ifMatch }), actor, kind);
      return exposeBodies(this.admin, [doc], info, ctx);
    }

    @Mutation(() => Boolean, { name: `delete${title}`, description: docs.delete })
    @RequireScopes('content:write')
    async delete(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('version', version) versionArg: number | undefined,
      @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
      @Actor() actor: WriteActor,
    ) {
      await this.admin.delete(id, acceptedVersions(id, { version: versionArg, ifMatch }), actor, kind);
      return true;
    }

    @Mutation(() => types.model, { name: `publish${title}`, description: docs.publish })
    @RequireScopes('content:publish')
    async publish(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('publishAt', { type: () => GraphQLISODateTime, nullable: true }) publishAt: Date | undefined,
      @Args('publishedAt', { type: () => GraphQLISODateTime, nullable: true }) publishedAt: Date | undefined,
      @Args('version', version) versionArg: number | undefined,
      @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: Ctx,
    ) {
      const request = { publishAt: publishAt ?? undefined, publishedAt: publishedAt ?? undefined };
      const doc = await this.admin.publish(id, request, optionalAcceptedVersions(id, { version: versionArg, ifMatch }), actor, kind);
      return exposeBodies(this.admin, [doc], info, ctx);
    }

    @Mutation(() => types.model, { name: `unpublish${title}`, description: docs.unpublish })
    @RequireScopes('content:publish')
    async unpublish(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('version', version) versionArg: number | undefined,
      @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: Ctx,
    ) {
      const doc = await this.admin.unpublish(id, optionalAcceptedVersions(id, { version: versionArg, ifMatch }), actor, kind);
      return exposeBodies(this.admin, [doc], info, ctx);
    }

    @Mutation(() => types.model, { name: `restore${title}Revision`, description: docs.restore })
    @RequireScopes('content:write')
    async restore(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('number', { type: () => Int }) number: number,
      @Args('version', version) versionArg: number | undefined,
      @Args('ifMatch', IF_MATCH) ifMatch: string | undefined,
      @Actor() actor: WriteActor,
      @Info() info: GraphQLResolveInfo,
      @Context() ctx: Ctx,
    ) {
      const doc = await this.admin.restore(id, number, acceptedVersions(id, { version: versionArg, ifMatch }), actor, kind);
      return exposeBodies(this.admin, [doc], info, ctx);
    }
  }
  declareParamType(AdminDocumentOperations, 'list', 0, types.listArgs);
  declareParamType(AdminDocumentOperations, 'create', 0, types.create);
  declareParamType(AdminDocumentOperations, 'update', 1, types.update);
  return AdminDocumentOperations;
}
