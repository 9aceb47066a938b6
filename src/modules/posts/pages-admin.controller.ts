import { Controller, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { DocumentsAdminController } from './documents-admin.controller';
import { CreatePageInput } from './dto/create-page.input';
import { AdminListPagesQuery, GetPageQuery } from './dto/list-pages.query';
import { UpdatePageInput } from './dto/update-page.input';
import { AdminPageResource } from './models/post-resource.model';
import { PAGE_TRANSPORT } from './page.transport';
import { PostsAdminService } from './posts-admin.service';

/** Editor routes for pages: the post use cases with the page kind, the same scopes and headers. */
@ApiTags('admin: pages')
@ApiBearerAuth()
@SetMetadata(PRIVATE_RESPONSE, true)
@Controller('api/admin/pages')
export class PagesAdminController extends DocumentsAdminController(
  PAGE_TRANSPORT,
  { resource: AdminPageResource, listQuery: AdminListPagesQuery, getQuery: GetPageQuery, create: CreatePageInput, update: UpdatePageInput },
  {
    list: 'List pages of any status; `status=`, `featured`, `publishedAfter/Before`. Page pagination.',
    get: 'One page of any status, with html and markdown by default. Its ETag is what If-Match must echo.',
    create: 'Create a draft page. Honours Idempotency-Key (24 h, per token): a retry replays the first response.',
    update: 'Partial update of a page; requires If-Match (428 without, 412 when stale).',
    publish: 'Publish a page now, schedule it (`publishAt` in the future) or backdate an import (`publishedAt`).',
    unpublish: 'A page back to DRAFT (from PUBLISHED or SCHEDULED); publishedAt is cleared.',
    revisions: 'Revisions of a page, newest first (the post revision shape; tags and authors are empty).',
    restore: "Write a page revision's content fields back (status is kept); recorded as a new revision. Requires If-Match.",
  },
) {
  constructor(admin: PostsAdminService) {
    super(admin);
  }
}
