/** REST `fields=`: keep only the named top-level keys (always `id`), in the resource's own key order. */
export function pickFields<T extends { id: string }>(resource: T, fields: readonly string[] | undefined): Partial<T> {
  if (!fields || fields.length === 0) return resource;
  const wanted = new Set<string>(['id', ...fields]);
  return Object.fromEntries(Object.entries(resource).filter(([key]) => wanted.has(key))) as Partial<T>;
}
