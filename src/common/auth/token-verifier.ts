import type { AuthenticatedToken } from './access.decorators';

/** Injection token for whatever turns a bearer secret into a token (the api-tokens module provides it). */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface TokenVerifier {
  /** Throws DomainError UNAUTHENTICATED for an unknown, expired or revoked secret. */
  verify(plaintext: string): Promise<AuthenticatedToken>;
}
