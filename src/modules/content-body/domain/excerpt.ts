export const EXCERPT_WORDS = 50;

// Apostrophes and hyphens only count inside a word: "don't" and "long-form" are one word each.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\u2010-][\p{L}\p{M}\p{N}]+)*/gu;
const ELLIPSIS = '…';

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** The first `maxWords` words on one line, ending at a word's end, with an ellipsis only if text was cut. */
export function buildExcerpt(text: string, maxWords = EXCERPT_WORDS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let count = 0;
  let end = 0;
  for (const match of flat.matchAll(WORD)) {
    if (++count > maxWords) return flat.slice(0, end) + ELLIPSIS;
    end = match.index + match[0].length;
  }
  return flat;
}

/** A non-blank custom excerpt wins; otherwise one is cut from the prose, or from any text if there is none. */
export function chooseExcerpt(customExcerpt: string | null | undefined, proseText: string, plaintext: string): string {
  const custom = customExcerpt?.trim();
  if (custom) return custom;
  return buildExcerpt(proseText.trim() === '' ? plaintext : proseText);
}
