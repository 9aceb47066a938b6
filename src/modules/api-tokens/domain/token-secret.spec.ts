import { displayPrefix, hashSecret, isWellFormedSecret, mintSecret } from './token-secret';

describe('token secrets', () => {
  it('mints 256-bit base64url secrets with a marker, a short prefix and a SHA-256 hash', () => {
    const secret = mintSecret();
    expect(secret.plaintext).toMatch(/^byl_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.plaintext.slice(4), 'base64url')).toHaveLength(32);
    expect(secret.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secret.hash).toBe(hashSecret(secret.plaintext));
    expect(secret.prefix).toBe(displayPrefix(secret.plaintext));
    expect(secret.prefix).toHaveLength(12);
    expect(secret.plaintext.startsWith(secret.prefix)).toBe(true);
  });

  it('never mints the same secret twice', () => {
    const seen = new Set(Array.from({ length: 200 }, () => mintSecret().plaintext));
    expect(seen.size).toBe(200);
  });

  it('recognises well-formed secrets only', () => {
    expect(isWellFormedSecret(mintSecret().plaintext)).toBe(true);
    expect(isWellFormedSecret('byl_short')).toBe(false);
    expect(isWellFormedSecret(`xyz_${'a'.repeat(43)}`)).toBe(false);
    expect(isWellFormedSecret(`byl_${'a'.repeat(42)}!`)).toBe(false);
  });
});
