import { updatedAtEtag } from '../../common/concurrency/updated-at-etag';
import type { MediaRow } from './data/media.repository';
import { toImage } from './domain/image';
import type { MediaItemModel } from './models/media-item.model';

/** One media row as both transports return it: the shared Image plus the editor's fields and ETag. */
export function toMediaItem(publicUrl: string, row: MediaRow): MediaItemModel {
  return {
    ...toImage(publicUrl, row),
    id: row.id,
    filename: row.filename,
    mimeType: row.mimeType,
    bytes: row.bytes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    etag: updatedAtEtag(row.id, row.updatedAt),
  };
}
