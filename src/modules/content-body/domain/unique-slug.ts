import { SLUG_MAX_LENGTH, truncateSlug } from './slug';

/**
 * `base`, or the first of `base-2`, `base-3`, … not in `taken`. The base is shortened when needed so that
 * base plus suffix stays within the slug length limit.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, maxLength = SLUG_MAX_LENGTH): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${truncateSlug(base, maxLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A SQL LIKE pattern for every slug `uniqueSlug` might consider taken (the base and its suffixed forms). */
export function slugFamilyPattern(base: string): string {
  return `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
}
