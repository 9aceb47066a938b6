import { updatedAtEtag } from '../../common/concurrency/updated-at-etag';
import { AdminAuthorModel } from './models/admin-author.model';
import { AuthorModel } from './models/author.model';
import type { AdminAuthorRow, AuthorRow } from './authors.repository';

export function toAuthorModel(row: AuthorRow): AuthorModel {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    bio: row.bio,
    avatarUrl: row.avatarUrl,
    website: row.website,
    postCount: row._count.posts,
  };
}

export function toAdminAuthorModel(row: AdminAuthorRow): AdminAuthorModel {
  return {
    ...toAuthorModel(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    etag: updatedAtEtag(row.id, row.updatedAt),
  };
}
