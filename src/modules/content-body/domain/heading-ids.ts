import { SLUG_MAX_LENGTH, toSlug, truncateSlug } from './slug';

const FALLBACK_ID = 'section';

/** Hands out heading anchors that are unique within one document: `intro`, `intro-2`, `intro-3`… */
export class HeadingIds {
  private readonly used = new Set<string>();
  // Remembers where each base left off, so a thousand identical headings stay linear.
  private readonly nextSuffix = new Map<string, number>();

  /** An author's explicit id wins over the heading text; both go through the same slugging. */
  assign(explicitId: string | undefined, text: string): string {
    const base = (explicitId && toSlug(explicitId)) || toSlug(text) || FALLBACK_ID;
    let id = base;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.used.has(id)) {
      const suffix = `-${n++}`;
      id = truncateSlug(base, SLUG_MAX_LENGTH - suffix.length) + suffix;
    }
    this.nextSuffix.set(base, n);
    this.used.add(id);
    return id;
  }
}
