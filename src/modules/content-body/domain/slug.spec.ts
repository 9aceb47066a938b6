import fc from 'fast-check';
import { isValidSlug, toSlug, truncateSlug } from './slug';

describe('toSlug', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['  Ünïcödé   Straße  ', 'unicode-strasse'],
    ['Привет мир', 'privet-mir'],
    ["Don't stop the long-form", 'dont-stop-the-long-form'],
    ['Ⅻ ① ﬁle', 'xii-1-file'],
    ['already-a-slug', 'already-a-slug'],
  ])('slugs %j as %j', (input, expected) => {
    expect(toSlug(input)).toBe(expected);
  });

  it('returns an empty string when there are no letters or digits', () => {
    expect(toSlug('')).toBe('');
    expect(toSlug(' --- !!! 🎉 © ™ ')).toBe('');
  });

  it('still returns a slug for letters the transliterator does not know', () => {
    expect(toSlug('ꙮ')).toBe('ua66e');
    expect(toSlug('ͺ')).toBe('u37a');
    expect(isValidSlug(toSlug('ꙮ ꙮ'))).toBe(true);
  });

  it('cuts long text at a word boundary within 80 characters', () => {
    const slug = toSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it('hard-cuts a single word longer than the limit', () => {
    expect(toSlug('a'.repeat(100))).toBe('a'.repeat(80));
  });

  it('returns a valid slug for any text with letters or digits, and is stable on its own output', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (input) => {
        const slug = toSlug(input);
        expect(slug === '').toBe(!/[\p{L}\p{N}]/u.test(input));
        if (slug !== '') expect(isValidSlug(slug)).toBe(true);
        expect(toSlug(slug)).toBe(slug);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves valid slugs unchanged', () => {
    const slug = toSlug('The quick brown fox jumps over the lazy dog and keeps running far beyond the limit');
    expect(isValidSlug(slug)).toBe(true);
    expect(toSlug(slug)).toBe(slug);
  });
});

describe('truncateSlug', () => {
  it('prefers the last hyphen at or before the limit', () => {
    expect(truncateSlug('alpha-beta-gamma', 10)).toBe('alpha-beta');
    expect(truncateSlug('alpha-beta-gamma', 12)).toBe('alpha-beta');
    expect(truncateSlug('alpha', 10)).toBe('alpha');
  });
});

describe('isValidSlug', () => {
  it.each(['a', 'post-1', '2024-recap'])('accepts %j', (slug) => expect(isValidSlug(slug)).toBe(true));
  it.each(['', '-a', 'a-', 'a--b', 'A', 'a_b', 'ä', 'a'.repeat(81)])('rejects %j', (slug) => {
    expect(isValidSlug(slug)).toBe(false);
  });
});
