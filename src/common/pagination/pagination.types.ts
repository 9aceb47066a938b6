/** What a listing asks for: either a page number or a keyset cursor (never both). */
export type PageRequest =
  | { mode: 'page'; limit: number; page: number }
  | { mode: 'cursor'; limit: number; cursor: string | null };

export interface PageMeta {
  limit: number;
  page: number;
  pages: number;
  total: number;
  next: number | null;
  prev: number | null;
}

export interface CursorMeta {
  limit: number;
  nextCursor: string | null;
  prevCursor: string | null;
  hasMore: boolean;
}

export interface Paginated<T> {
  items: T[];
  /** Present in page mode (and when a total was asked for). */
  total?: number;
  page?: PageMeta;
  cursor?: CursorMeta;
}

export function pageMeta(limit: number, page: number, total: number): PageMeta {
  const pages = Math.max(1, Math.ceil(total / limit));
  return { limit, page, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? Math.min(page - 1, pages) : null };
}
