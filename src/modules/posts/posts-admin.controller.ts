import { Controller, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { DocumentsAdminController } from './documents-admin.controller';
import { AdminListPostsQuery } from './dto/admin-list-posts.query';
import { CreatePostInput } from './dto/create-post.input';
import { GetPostQuery } from './dto/get-post.query';
import { UpdatePostInput } from './dto/update-post.input';
import { AdminPostResource } from './models/post-resource.model';
import { POST_TRANSPORT } from './post.transport';
import { PostsAdminService } from './posts-admin.service';

@ApiTags('admin: posts')
@ApiBearerAuth()
@SetMetadata(PRIVATE_RESPONSE, true)
@Controller('api/admin/posts')
export class PostsAdminController extends DocumentsAdminController(
  POST_TRANSPORT,
  { resource: AdminPostResource, listQuery: AdminListPostsQuery, getQuery: GetPostQuery, create: CreatePostInput, update: UpdatePostInput },
  {
    list: 'List posts of any status (drafts, scheduled, published); `status=` plus the public filters. Page pagination.',
    get: 'One post of any status, with html and markdown by default. Its ETag is what If-Match must echo.',
    create: 'Create a draft. Honours Idempotency-Key (24 h, per token): a retry replays the first response.',
    update: 'Partial update; requires If-Match (428 without, 412 when stale). Tag and author lists are replaced.',
    publish: 'Publish now, schedule (`publishAt` in the future) or publish an import dated in the past (`publishedAt`).',
    unpublish: 'Back to DRAFT (from PUBLISHED or SCHEDULED); publishedAt is cleared.',
    revisions: 'Revisions of a post, newest first: number, createdAt, tokenId and the snapshot.',
    restore: "Write a revision's content fields back (status is kept); recorded as a new revision. Requires If-Match.",
  },
) {
  constructor(admin: PostsAdminService) {
    super(admin);
  }
}
