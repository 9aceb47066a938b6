import { createHash } from 'node:crypto';
import { DomainError } from '../../../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../../common/pagination/cursor';

export interface SearchBound {
  rank: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are tied to the query text: replaying one under another query is a 400. */
function orderFor(query: string): string {
  return `search:${createHash('sha256').update(query).digest('base64url').slice(0, 16)}`;
}

/** The rank is a float8; JSON numbers round-trip a double exactly, so the keyset comparison stays exact. */
export function encodeSearchCursor(query: string, bound: SearchBound): string {
  return encodeCursor({ order: orderFor(query), value: bound.rank, id: bound.id, direction: 'after' });
}

export function decodeSearchCursor(query: string, raw: string, field: string): SearchBound {
  const cursor = decodeCursor(raw, orderFor(query), field);
  if (typeof cursor.value !== 'number' || !Number.isFinite(cursor.value) || !UUID.test(cursor.id) || cursor.direction !== 'after') {
    throw DomainError.validation(`"${field}" is not a valid cursor for this search.`, [{ field, message: 'invalid cursor' }]);
  }
  return { rank: cursor.value, id: cursor.id };
}
