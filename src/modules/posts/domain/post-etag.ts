import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** The strong ETag of one version of one post: `"<id>:<version>"`. If-Match must echo it. */
export function postEtag(id: string, version: number): string {
  return `"${id}:${version}"`;
}

/** What a caller said it last saw: a list of versions of this post, or `*` (any current version). */
export type AcceptedVersions = number[] | '*';

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/**
 * Parses an If-Match header for post `postId`. Missing → 428. Weak tags never match (RFC 9110 §13.1.1:
 * If-Match uses strong comparison), nor do tags of another post or malformed ones: they leave an empty list (→ 412).
 */
export function parseIfMatch(header: string | undefined, postId: string): AcceptedVersions {
  const value = header?.trim();
  if (!value) throw preconditionRequired();
  if (value === '*') return '*';
  const versions: number[] = [];
  for (const part of value.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match || match[1]) continue;
    const [id, version] = match[2].split(':');
    if (id?.toLowerCase() === postId.toLowerCase() && /^\d{1,9}$/.test(version ?? '')) versions.push(Number(version));
  }
  return versions;
}

/** GraphQL precondition: `version` (an Int) or `ifMatch` (the ETag string); at least one is required. */
export function acceptedVersions(postId: string, input: { ifMatch?: string | null; version?: number | null }): AcceptedVersions {
  if (input.version !== undefined && input.version !== null) return [input.version];
  return parseIfMatch(input.ifMatch ?? undefined, postId);
}

/** The version to write against, or 412 when the caller's view is stale. */
export function matchVersion(accepted: AcceptedVersions, current: number): number {
  if (accepted === '*' || accepted.includes(current)) return current;
  throw preconditionFailed();
}

export function preconditionRequired(): DomainError {
  return new DomainError(
    ErrorCode.PRECONDITION_REQUIRED,
    'This write requires "If-Match" with the post\'s current ETag (GraphQL: the current "version").',
  );
}

export function preconditionFailed(): DomainError {
  return new DomainError(
    ErrorCode.PRECONDITION_FAILED,
    'The post changed since you read it (stale ETag/version). Re-read it and apply your change again.',
  );
}

/** For writes where the precondition is optional (publish, unpublish): absent means "whatever is current". */
export function parseOptionalIfMatch(header: string | undefined, postId: string): AcceptedVersions {
  return header?.trim() ? parseIfMatch(header, postId) : '*';
}

/** GraphQL counterpart of parseOptionalIfMatch. */
export function optionalAcceptedVersions(postId: string, input: { ifMatch?: string | null; version?: number | null }): AcceptedVersions {
  return input.version == null && !input.ifMatch?.trim() ? '*' : acceptedVersions(postId, input);
}
