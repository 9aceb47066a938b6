import { isWellFormedSecret, mintSecret } from '../../api-tokens/domain/token-secret';
import { hashPreviewToken, isActive, isWellFormedPreviewToken, mintPreviewToken, previewExpiry, previewUrl } from './preview-token';

describe('preview tokens', () => {
  it('mints 256-bit tokens with their own marker, keeping only a hash', () => {
    const a = mintPreviewToken();
    const b = mintPreviewToken();
    expect(a.plaintext).toMatch(/^bylp_[A-Za-z0-9_-]{43}$/);
    expect(a.plaintext).not.toBe(b.plaintext);
    expect(a.hash).toBe(hashPreviewToken(a.plaintext));
    expect(a.hash).not.toContain(a.plaintext.slice(5));
    expect(a.plaintext.startsWith(a.prefix)).toBe(true);
  });

  it('never mistakes an API token for a preview token, nor the other way round', () => {
    const preview = mintPreviewToken().plaintext;
    const api = mintSecret().plaintext;
    expect(isWellFormedPreviewToken(preview)).toBe(true);
    expect(isWellFormedPreviewToken(api)).toBe(false);
    expect(isWellFormedSecret(preview)).toBe(false);
    expect(isWellFormedPreviewToken(`${preview}x`)).toBe(false);
  });

  it('computes expiry and activity', () => {
    const now = new Date('2026-12-01T00:00:00.000Z');
    expect(previewExpiry(now, 3600).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(previewExpiry(now).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(isActive({ expiresAt: new Date(now.getTime() + 1), revokedAt: null }, now)).toBe(true);
    expect(isActive({ expiresAt: now, revokedAt: null }, now)).toBe(false);
    expect(isActive({ expiresAt: new Date(now.getTime() + 1000), revokedAt: now }, now)).toBe(false);
  });

  it('adds the token to the document URL as ?preview=', () => {
    expect(previewUrl('https://blog.example/a-draft/', 'bylp_abc')).toBe('https://blog.example/a-draft/?preview=bylp_abc');
    expect(previewUrl('https://blog.example/p?x=1', 'bylp_abc')).toBe('https://blog.example/p?x=1&preview=bylp_abc');
  });
});
