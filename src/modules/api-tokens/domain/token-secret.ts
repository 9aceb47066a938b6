import { createHash, randomBytes } from 'node:crypto';

/** Visible marker so leaked tokens are easy to recognise (and to scan for in repositories). */
export const TOKEN_MARKER = 'byl_';
const SECRET_BYTES = 32;
const PREFIX_LENGTH = 12;
const TOKEN_PATTERN = /^byl_[A-Za-z0-9_-]{43}$/;

export interface MintedSecret {
  plaintext: string;
  hash: string;
  prefix: string;
}

/** 256 random bits, base64url: the plaintext is returned once and only its hash is kept. */
export function mintSecret(): MintedSecret {
  const plaintext = `${TOKEN_MARKER}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { plaintext, hash: hashSecret(plaintext), prefix: displayPrefix(plaintext) };
}

// A fast hash is enough: the input has 256 bits of entropy, so there is nothing to brute-force.
export function hashSecret(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

export function displayPrefix(plaintext: string): string {
  return plaintext.slice(0, PREFIX_LENGTH);
}

/** Cheap shape check before any database lookup. */
export function isWellFormedSecret(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
