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
