import { transliterate } from 'transliteration';

export const SLUG_MAX_LENGTH = 80;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * URL-safe slug: transliterated, lowercase ASCII words joined by hyphens, at most `maxLength` characters.
 * Returns '' only when the text has no letters or digits.
 */
export function toSlug(text: string, maxLength = SLUG_MAX_LENGTH): string {
  if (text.length <= maxLength && SLUG_PATTERN.test(text)) return text;
  // The transliterator turns some symbols into letters ("©" to "(C)"); a title of symbols has no slug.
  if (!HAS_LETTER_OR_DIGIT.test(text)) return '';
  const source = text.normalize('NFKC').replace(INNER_APOSTROPHE, '');
  let slug = hyphenate(ASCII.test(source) ? source : transliterate(source));
  if (slug === '') {
    // Scripts the transliterator does not know still deserve a stable, non-empty slug.
    slug = (text.match(LETTER_OR_DIGIT) ?? []).map((ch) => `u${ch.codePointAt(0)!.toString(16)}`).join('-');
  }
  return truncateSlug(slug, maxLength);
}

/** Shortens a valid slug to `maxLength`, preferring to cut where a word ends. */
export function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.lastIndexOf('-', maxLength);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
}

export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

function hyphenate(ascii: string): string {
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
