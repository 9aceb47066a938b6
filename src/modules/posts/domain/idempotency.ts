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
  /** The process instance running the first request. */
  owner: string | null;
  /** The claim stands until then; its owner renews it while the request runs. */
  leaseUntil: Date | null;
}

/**
 * How long an unfinished claim stands without a heartbeat, and how often its owner renews it. Only a
 * claim whose process died (crash, restart, partition) waits for this; within one process a retry takes
 * over as soon as the first request has ended. A creation under a claim that was taken over meanwhile
 * rolls back (see recordResult), so an early take-over can never create twice.
 */
export const IDEMPOTENCY_LEASE_MS = 15_000;
export const IDEMPOTENCY_HEARTBEAT_MS = 5_000;
/** Rows written before leases existed: the longest a post write could have run (40 s) plus margin. */
const LEGACY_IN_FLIGHT_MS = 2 * 60 * 1000;

export type KeyDecision =
  | { kind: 'replay'; status: number; body: unknown }
  /** The first request created `resultId` and then died before storing its response: answer for it. */
  | { kind: 'recover'; resultId: string }
  /** The first request ended (or its process died) before creating anything: this one may run instead. */
  | { kind: 'take-over' };

/**
 * What to do with a request whose key is already recorded (and unexpired). `ownerEnded`: the claim
 * belongs to this process and its request is no longer running (it failed, e.g. on a database blip,
 * and could not release the key).
 */
export function decideOnExistingKey(stored: StoredKey, requestHash: string, now: Date, ownerEnded = false): KeyDecision {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(ErrorCode.UNPROCESSABLE, 'This Idempotency-Key was already used with a different request body.');
  }
  if (stored.completed && stored.responseStatus !== null) return { kind: 'replay', status: stored.responseStatus, body: stored.responseBody };
  if (stored.resultId) return { kind: 'recover', resultId: stored.resultId };
  if (ownerEnded || leaseOver(stored, now)) return { kind: 'take-over' };
  throw inProgress();
}

function leaseOver(stored: StoredKey, now: Date): boolean {
  const until = stored.leaseUntil ?? new Date(stored.createdAt.getTime() + LEGACY_IN_FLIGHT_MS);
  return until.getTime() <= now.getTime();
}

/** Seconds a client should wait before retrying a key whose first request is still running. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

export function inProgress(): DomainError {
  return new DomainError(
    ErrorCode.IDEMPOTENCY_IN_PROGRESS,
    'A request with this Idempotency-Key is still in progress; retry after the number of seconds in Retry-After.',
    undefined,
    { 'Retry-After': String(IN_PROGRESS_RETRY_AFTER_SECONDS) },
  );
}
