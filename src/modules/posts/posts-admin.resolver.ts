import { Resolver } from '@nestjs/graphql';
import { DocumentsAdminResolver } from './documents-admin.resolver';
import { AdminPostsArgs } from './dto/admin-posts.args';
import { CreatePostInput } from './dto/create-post.input';
import { UpdatePostInput } from './dto/update-post.input';
import { PostConnection } from './models/post-connection.model';
import { PostModel } from './models/post.model';
import { POST_TRANSPORT } from './post.transport';
import { PostsAdminService } from './posts-admin.service';

/** Editor queries and mutations on posts: the same service and rules as /api/admin/posts. */
@Resolver(() => PostModel)
export class PostsAdminResolver extends DocumentsAdminResolver(
  POST_TRANSPORT,
  { model: PostModel, connection: PostConnection, listArgs: AdminPostsArgs, create: CreatePostInput, update: UpdatePostInput },
  {
    list: 'Posts of any status (content:read). Page pagination only.',
    get: 'One post of any status (content:read); null when there is none.',
    revisions: 'Revisions of a post, newest first (content:read).',
    create: 'Create a draft (content:write). A retry with the same idempotencyKey and input returns the first result.',
    update: 'Partial update (content:write); needs the current version (PRECONDITION_FAILED when stale).',
    delete: 'Delete a post (content:write); needs the current version.',
    publish: 'Publish now, schedule (publishAt in the future) or backdate an import (publishedAt) (content:publish).',
    unpublish: 'Back to DRAFT (content:publish).',
    restore: "Write a revision's content back as a new revision (content:write); needs the current version.",
  },
) {
  constructor(admin: PostsAdminService) {
    super(admin);
  }
}
