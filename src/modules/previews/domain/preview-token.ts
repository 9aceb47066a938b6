import { createHash, randomBytes } from 'node:crypto';

/**
 * Preview tokens look nothing like API tokens (`byl_…`): the editor API refuses them by shape, and
 * the preview check refuses API tokens the same way, so neither can stand in for the other.
 */
export const PREVIEW_TOKEN_MARKER = 'bylp_';
const SECRET_BYTES = 32;
const PREFIX_LENGTH = 13;
const PREVIEW_TOKEN_PATTERN = /^bylp_[A-Za-z0-9_-]{43}$/;

/** Lifetime bounds of a preview link, in seconds. */
export const PREVIEW_MIN_SECONDS = 60;
export const PREVIEW_MAX_SECONDS = 30 * 86_400;
export const PREVIEW_DEFAULT_SECONDS = 7 * 86_400;

export interface MintedPreviewToken {
  plaintext: string;
  hash: string;
  prefix: string;
}

/** 256 random bits; only the hash is stored, so the database alone cannot hand out working links. */
export function mintPreviewToken(): MintedPreviewToken {
  const plaintext = `${PREVIEW_TOKEN_MARKER}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { plaintext, hash: hashPreviewToken(plaintext), prefix: plaintext.slice(0, PREFIX_LENGTH) };
}

// A fast hash suffices: 256 bits of entropy leave nothing to brute-force.
export function hashPreviewToken(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/** Cheap shape check before any database lookup (API tokens and junk fail it). */
export function isWellFormedPreviewToken(value: string): boolean {
  return PREVIEW_TOKEN_PATTERN.test(value);
}

export function previewExpiry(now: Date, expiresInSeconds = PREVIEW_DEFAULT_SECONDS): Date {
  return new Date(now.getTime() + expiresInSeconds * 1000);
}

/** The frontend page of the document with the token as `?preview=` (what an editor opens or shares). */
export function previewUrl(documentUrl: string, token: string): string {
  const url = new URL(documentUrl);
  url.searchParams.set('preview', token);
  return url.toString();
}

/** A link is usable until it expires or is revoked. */
export function isActive(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): boolean {
  return link.revokedAt === null && link.expiresAt > now;
}
