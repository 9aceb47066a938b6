import { DomainError } from '../../../common/errors/domain-error';
import type { Cursor } from '../../../common/pagination/cursor';
import type { PostOrderSpec } from './post-listing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface PostKeysetBound {
  value: Date | string;
  id: string;
  direction: 'after' | 'before';
}

/**
 * The row position a decoded cursor points at, checked against the ordering's key type: a cursor
 * that was edited by hand must be a 400, never reach the database as a malformed uuid or date.
 */
export function toKeysetBound(cursor: Cursor, field: PostOrderSpec['field'], param = 'cursor'): PostKeysetBound {
  const invalid = () => DomainError.validation(`"${param}" is not a valid cursor for this listing.`, [{ field: param, message: 'invalid cursor' }]);
  if (!UUID.test(cursor.id) || typeof cursor.value !== 'string') throw invalid();
  if (field === 'title') return { value: cursor.value, id: cursor.id, direction: cursor.direction };
  const date = new Date(cursor.value);
  if (!ISO_INSTANT.test(cursor.value) || Number.isNaN(date.getTime())) throw invalid();
  return { value: date, id: cursor.id, direction: cursor.direction };
}
