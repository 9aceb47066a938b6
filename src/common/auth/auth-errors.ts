import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

const REALM = 'realm="byline"';

// RFC 6750 §3: no error attribute when no credentials were sent, invalid_token otherwise.
export function missingToken(): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, 'This operation requires an "Authorization: Bearer <token>" header.', undefined, {
    'WWW-Authenticate': `Bearer ${REALM}`,
  });
}

/** One answer for malformed, unknown, expired and revoked tokens: callers learn nothing about which. */
export function invalidToken(): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, 'The bearer token is malformed, unknown, expired or revoked.', undefined, {
    'WWW-Authenticate': `Bearer ${REALM}, error="invalid_token"`,
  });
}

export function insufficientScope(missing: string[]): DomainError {
  const list = missing.map((s) => `"${s}"`).join(', ');
  return new DomainError(ErrorCode.FORBIDDEN, `This operation requires the token scope ${list}.`, undefined, {
    'WWW-Authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${missing.join(' ')}"`,
  });
}
