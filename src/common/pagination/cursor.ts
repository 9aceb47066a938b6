import { DomainError } from '../errors/domain-error';

/**
 * Keyset cursor: the sort key and id of the row it points at, and which side of it to read.
 * Opaque to clients (base64url JSON); tied to one ordering so it cannot be replayed under another.
 */
export interface Cursor {
  order: string;
  value: string | number | null;
  id: string;
  direction: 'after' | 'before';
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.value, cursor.id, cursor.direction === 'after' ? 1 : 0])).toString(
    'base64url',
  );
}

export function decodeCursor(raw: string, expectedOrder: string, field = 'cursor'): Cursor {
  const invalid = () => DomainError.validation(`"${field}" is not a valid cursor for this listing.`, [{ field, message: 'invalid cursor' }]);
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(raw)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [order, value, id, direction] = parsed as unknown[];
  const valueOk = value === null || typeof value === 'string' || typeof value === 'number';
  if (order !== expectedOrder || !valueOk || typeof id !== 'string' || (direction !== 0 && direction !== 1)) throw invalid();
  return { order, value: value as Cursor['value'], id, direction: direction === 1 ? 'after' : 'before' };
}
