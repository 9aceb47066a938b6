import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * The strong ETag of one state of a tag or author: `"<id>:<updatedAt in ms>"`. Writes always move
 * `updatedAt` forward by at least 1 ms (see nextUpdatedAt), so two states never share a tag.
 */
export function updatedAtEtag(id: string, updatedAt: Date): string {
  return `"${id}:${updatedAt.getTime()}"`;
}

/** The `updatedAt` for a write: now, or 1 ms after the current one when the clock has not moved on. */
export function nextUpdatedAt(current: Date, now = new Date()): Date {
  return new Date(Math.max(now.getTime(), current.getTime() + 1));
}

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/**
 * Checks an `If-Match` value against the current state: missing → 428, no strong match → 412.
 * `*` matches any existing state; weak tags never match (RFC 9110 §13.1.1, strong comparison).
 */
export function assertIfMatch(header: string | null | undefined, id: string, updatedAt: Date, what: string): void {
  const value = header?.trim();
  if (!value) throw missingIfMatch(what);
  if (value === '*') return;
  const current = updatedAtEtag(id, updatedAt).toLowerCase();
  const matches = value.split(',').some((part) => {
    const match = ENTITY_TAG.exec(part.trim());
    return match !== null && !match[1] && `"${match[2]}"`.toLowerCase() === current;
  });
  if (!matches) throw staleEtag(what);
}

export function missingIfMatch(what: string): DomainError {
  return new DomainError(ErrorCode.PRECONDITION_REQUIRED, `This write requires "If-Match" with the ${what}'s current ETag.`);
}

export function staleEtag(what: string): DomainError {
  return new DomainError(
    ErrorCode.PRECONDITION_FAILED,
    `The ${what} changed since you read it (stale ETag). Re-read it and apply your change again.`,
  );
}
