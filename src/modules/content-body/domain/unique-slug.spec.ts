import { slugFamilyPattern, uniqueSlug } from './unique-slug';

describe('uniqueSlug', () => {
  it('keeps a free slug', () => {
    expect(uniqueSlug('long-read', new Set(['other']))).toBe('long-read');
  });

  it('suffixes -2, -3, … skipping taken ones', () => {
    expect(uniqueSlug('long-read', new Set(['long-read']))).toBe('long-read-2');
    expect(uniqueSlug('long-read', new Set(['long-read', 'long-read-2', 'long-read-3']))).toBe('long-read-4');
    expect(uniqueSlug('long-read', new Set(['long-read', 'long-read-3']))).toBe('long-read-2');
  });

  it('shortens the base so the suffix fits the length limit', () => {
    const base = 'word-'.repeat(15) + 'end'; // 78 chars
    const slug = uniqueSlug(base, new Set([base]), 80);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-2')).toBe(true);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('builds a LIKE pattern for the suffixed family', () => {
    expect(slugFamilyPattern('a-b')).toBe('a-b-%');
  });
});
