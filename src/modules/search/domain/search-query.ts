/**
 * The text handed to `websearch_to_tsquery`. A hyphen inside a word (`tech-lead`) becomes a space: the
 * parser would otherwise demand the compound token `tech-lead` as well, which "tech lead" lacks. The
 * parts stay adjacent in a quoted phrase and are ANDed otherwise, so "tech-lead" in a body still matches.
 * A leading `-` (exclusion) is kept.
 */
export function toSearchText(query: string): string {
  return query.replace(/(?<=[\p{L}\p{N}])-+(?=[\p{L}\p{N}])/gu, ' ');
}

/**
 * Search ranks a bounded candidate set: the newest matches found through the GIN index, at most this
 * many. A common word then costs the same at any blog size, and `total` is exact up to this limit.
 */
export const SEARCH_CANDIDATES = 1000;

/**
 * Up to this many rows in `posts`, a search takes every match from the GIN index and keeps the newest
 * SEARCH_CANDIDATES: fetching even a word that every document holds costs less than testing each
 * document's vector on a walk of the newest (~1 µs against ~10 µs a row, measured). Above it the walk
 * can pay, for common words, and the planner chooses per word.
 */
export const MATCH_EVERY_UP_TO = 10_000;
