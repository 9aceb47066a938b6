import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

export type PostStatusName = 'DRAFT' | 'SCHEDULED' | 'PUBLISHED';
/** What a workflow step did; the audit action is `<kind>.<verb>` (see document-kind.ts). */
export type WorkflowVerb = 'published' | 'scheduled' | 'unpublished';

export interface PublicationState {
  status: PostStatusName;
  publishedAt: Date | null;
}

export interface PublishRequest {
  /** When to publish: absent or not in the future → now; in the future → SCHEDULED for that time. */
  publishAt?: Date;
  /** Imports: publish now but date the post in the past (must not be in the future). */
  publishedAt?: Date;
}

export interface Transition extends PublicationState {
  verb: WorkflowVerb;
}

function illegal(detail: string): DomainError {
  return new DomainError(ErrorCode.CONFLICT, detail);
}

/**
 * DRAFT → PUBLISHED | SCHEDULED; SCHEDULED → PUBLISHED (early) | SCHEDULED (moved); PUBLISHED → (unpublish first).
 * Only `publishedAt`, never `publishAt`, can date a publication in the past.
 */
export function planPublish(current: PublicationState, request: PublishRequest, now: Date): Transition {
  const { publishAt, publishedAt } = request;
  if (publishAt && publishedAt) {
    throw DomainError.validation('Give "publishAt" (schedule) or "publishedAt" (backdate), not both.', [
      { field: 'publishedAt', message: 'cannot be combined with publishAt' },
    ]);
  }
  if (publishedAt && publishedAt.getTime() > now.getTime()) {
    throw DomainError.validation('"publishedAt" backdates an import and must not be in the future; use "publishAt" to schedule.', [
      { field: 'publishedAt', message: 'must not be in the future' },
    ]);
  }
  if (current.status === 'PUBLISHED') {
    throw illegal('The post is already published. Unpublish it first to publish it again or to schedule it.');
  }
  if (publishAt && publishAt.getTime() > now.getTime()) {
    return { status: 'SCHEDULED', publishedAt: publishAt, verb: 'scheduled' };
  }
  return { status: 'PUBLISHED', publishedAt: publishedAt ?? now, verb: 'published' };
}

/** PUBLISHED or SCHEDULED → DRAFT. A draft has no publication time, so publishedAt is cleared. */
export function planUnpublish(current: PublicationState): Transition {
  if (current.status === 'DRAFT') throw illegal('The post is already a draft.');
  return { status: 'DRAFT', publishedAt: null, verb: 'unpublished' };
}
