import { toSlug } from '../../content-body/domain/slug';

export interface KnownTag {
  id: string;
  slug: string;
  name: string;
}

/** One entry of a post's tag list after resolution: an existing tag, or one to create. */
export type ResolvedTagRef = { id: string; slug: string } | { create: { slug: string; name: string } };

/** Slugs worth looking up for the given entries: the entries themselves and their slugified forms. */
export function tagLookupSlugs(entries: readonly string[]): string[] {
  return [...new Set(entries.flatMap((e) => [e, toSlug(e.trim())]).filter((s) => s !== ''))];
}

/**
 * Tags are given by slug or by name, in order (first = primary). Match an existing tag by exact slug, then by
 * name (case-insensitive), then by the entry's slug; otherwise create one (slug from the name). Entries that
 * resolve to the same tag keep their first position. Entries without letters or digits are returned as invalid.
 */
export function resolveTagRefs(entries: readonly string[], known: readonly KnownTag[]): { refs: ResolvedTagRef[]; invalid: string[] } {
  const bySlug = new Map(known.map((t) => [t.slug, t]));
  const byName = new Map(known.map((t) => [t.name.trim().toLowerCase(), t]));
  const seen = new Set<string>();
  const refs: ResolvedTagRef[] = [];
  const invalid: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    const match = bySlug.get(entry) ?? byName.get(entry.toLowerCase()) ?? bySlug.get(toSlug(entry));
    const slug = match?.slug ?? toSlug(entry);
    if (slug === '') {
      invalid.push(raw);
      continue;
    }
    if (seen.has(slug)) continue;
    seen.add(slug);
    refs.push(match ? { id: match.id, slug } : { create: { slug, name: entry } });
  }
  return { refs, invalid };
}
