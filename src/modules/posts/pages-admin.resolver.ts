import { Resolver } from '@nestjs/graphql';
import { DocumentsAdminResolver } from './documents-admin.resolver';
import { CreatePageInput } from './dto/create-page.input';
import { AdminPagesArgs } from './dto/pages.args';
import { UpdatePageInput } from './dto/update-page.input';
import { PageConnection } from './models/post-connection.model';
import { PageModel } from './models/post.model';
import { PAGE_TRANSPORT } from './page.transport';
import { PostsAdminService } from './posts-admin.service';

/** Editor queries and mutations on pages: the post use cases with the page kind, as /api/admin/pages. */
@Resolver(() => PageModel)
export class PagesAdminResolver extends DocumentsAdminResolver(
  PAGE_TRANSPORT,
  { model: PageModel, connection: PageConnection, listArgs: AdminPagesArgs, create: CreatePageInput, update: UpdatePageInput },
  {
    list: 'Pages of any status (content:read). Page pagination only.',
    get: 'One page of any status (content:read); null when there is none.',
    revisions: 'Revisions of a page, newest first (content:read).',
    create: 'Create a draft page (content:write). A retry with the same idempotencyKey and input returns the first result.',
    update: 'Partial page update (content:write); needs the current version (PRECONDITION_FAILED when stale).',
    delete: 'Delete a page (content:write); needs the current version.',
    publish: 'Publish a page now, schedule it (publishAt in the future) or backdate it (publishedAt) (content:publish).',
    unpublish: 'A page back to DRAFT (content:publish).',
    restore: "Write a page revision's content back as a new revision (content:write); needs the current version.",
  },
) {
  constructor(admin: PostsAdminService) {
    super(admin);
  }
}
