import type { AuthenticatedToken } from './access.decorators';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { invalidToken } from './auth-errors';
import type { TokenVerifier } from './token-verifier';

const VERIFICATION = Symbol('byline:bearer-verification');
type Carrier = { headers: { authorization?: string }; [VERIFICATION]?: Promise<AuthenticatedToken | null> };

/**
 * The request's bearer token, verified once per request (the rate limiter and the access guard
 * both ask; GraphQL asks once per root field). Resolves null when no Authorization header was
 * sent and rejects with UNAUTHENTICATED for a malformed or invalid one.
 */
export function authenticateRequest(req: object, verifier: TokenVerifier): Promise<AuthenticatedToken | null> {
  const carrier = req as Carrier;
  carrier[VERIFICATION] ??= verifyHeader(carrier.headers.authorization, verifier);
  return carrier[VERIFICATION];
}

/**
 * Like authenticateRequest, but null for a missing or invalid token. Anything else (the database being
 * unreachable while the token is looked up) is rethrown: a token that could not be checked is not a
 * failed login, and must not be counted as one (nor answered as one).
 */
export function tryAuthenticateRequest(req: object, verifier: TokenVerifier): Promise<AuthenticatedToken | null> {
  return authenticateRequest(req, verifier).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) return null;
    throw error;
  });
}

async function verifyHeader(header: string | undefined, verifier: TokenVerifier): Promise<AuthenticatedToken | null> {
  if (header === undefined) return null;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) throw invalidToken();
  return verifier.verify(match[1]);
}
