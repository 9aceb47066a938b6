import { updatedAtEtag } from '../../common/concurrency/updated-at-etag';
import { AdminTagModel } from './models/admin-tag.model';
import { TagModel } from './models/tag.model';
import type { AdminTagRow, TagRow } from './tags.repository';

export function toTagModel(row: TagRow): TagModel {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, postCount: row._count.posts };
}

export function toAdminTagModel(row: AdminTagRow): AdminTagModel {
  return {
    ...toTagModel(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    etag: updatedAtEtag(row.id, row.updatedAt),
  };
}
