import { createHash } from 'node:crypto';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so the same request always hashes the same whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fingerprint stored with an Idempotency-Key: operation name plus the canonical request body. */
export function hashRequest(operation: string, body: unknown): string {
  return createHash('sha256').update(`${operation}\n${canonicalJson(body)}`).digest('hex');
}

/** Printable ASCII without spaces, 1–255 characters (the column is varchar(255)). */
export function validateIdempotencyKey(key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw DomainError.validation('"Idempotency-Key" must be 1–255 printable ASCII characters without spaces.', [
      { field: 'Idempotency-Key', message: 'invalid key' },
    ]);
  }
  return key;
}

export interface StoredKey {
  requestHash: string;
  completed: boolean;
  responseStatus: number | null;
  responseBody: unknown;
  /** What the first request created, recorded in its own transaction (null: it created nothing, yet). */
  resultId: string | null;
  createdAt: Date;
}

/**
 * How long an unfinished key may be held by its first request. A post write's transaction times out
 * after 40 s at most (10 s to start, 30 s to run), so an older claim that recorded no result belongs to
 * a request that died (crash, restart) before creating anything.
 */
export const IN_FLIGHT_LEASE_MS = 2 * 60 * 1000;

export type KeyDecision =
  | { kind: 'replay'; status: number; body: unknown }
  /** The first request created `resultId` and then died before storing its response: answer for it. */
  | { kind: 'recover'; resultId: string }
  /** The first request died before creating anything: this one may run instead. */
  | { kind: 'take-over' };

/** What to do with a request whose key is already recorded (and unexpired). */
export function decideOnExistingKey(stored: StoredKey, requestHash: string, now: Date): KeyDecision {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(ErrorCode.UNPROCESSABLE, 'This Idempotency-Key was already used with a different request body.');
  }
  if (stored.completed && stored.responseStatus !== null) return { kind: 'replay', status: stored.responseStatus, body: stored.responseBody };
  if (stored.resultId) return { kind: 'recover', resultId: stored.resultId };
  if (now.getTime() - stored.createdAt.getTime() > IN_FLIGHT_LEASE_MS) return { kind: 'take-over' };
  throw inProgress();
}

export function inProgress(): DomainError {
  return new DomainError(ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still in progress; retry later.');
}
