import { DomainError } from '../../../common/errors/domain-error';
import { DEFAULT_LIMIT } from '../../../common/pagination/page.query';
import { PageRequest } from '../../../common/pagination/pagination.types';
import type { DocumentKind } from './document-kind';

export const POST_ORDERS = ['publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc'] as const;
export type PostOrder = (typeof POST_ORDERS)[number];
export const DEFAULT_POST_ORDER: PostOrder = 'publishedAt:desc';

export interface PostOrderSpec {
  field: 'publishedAt' | 'updatedAt' | 'title';
  direction: 'asc' | 'desc';
}

export function parsePostOrder(order: PostOrder): PostOrderSpec {
  const [field, direction] = order.split(':') as [PostOrderSpec['field'], PostOrderSpec['direction']];
  return { field, direction };
}

export const BODY_FORMATS = ['html', 'plaintext', 'markdown'] as const;
export type BodyFormatName = (typeof BODY_FORMATS)[number];

/** Top-level fields a REST client may pick with `fields=`. */
export const POST_FIELDS = [
  'id', 'slug', 'title', 'excerpt', 'customExcerpt', 'status', 'featured', 'publishedAt', 'createdAt', 'updatedAt',
  'version', 'readingTime', 'featureImage', 'tags', 'primaryTag', 'authors', 'primaryAuthor', 'canonicalUrl', 'seo',
  'html', 'plaintext', 'markdown', 'toc', 'url',
] as const;
export type PostField = (typeof POST_FIELDS)[number];

/** Pages have no tags or authors. */
const LABEL_FIELDS: readonly PostField[] = ['tags', 'primaryTag', 'authors', 'primaryAuthor'];
export const PAGE_FIELDS = POST_FIELDS.filter((f) => !LABEL_FIELDS.includes(f));

export interface PostListFilter {
  /** Any of these tag slugs. */
  tags?: string[];
  /** Any of these author slugs. */
  authors?: string[];
  featured?: boolean;
  publishedAfter?: Date;
  publishedBefore?: Date;
}

export interface PostListOptions {
  /** Which documents: posts (the default) or pages. */
  kind?: DocumentKind;
  filter: PostListFilter;
  order: PostOrder;
  page: PageRequest;
  /** Count all matches (always in page mode). */
  withTotal?: boolean;
}

/**
 * `page` and `cursor` are two pagination modes; asking for both is a client error. With neither,
 * REST starts in page mode (totals) and GraphQL in cursor mode (Relay connections).
 */
export function toPageRequest(
  input: { limit?: number; page?: number; cursor?: string },
  defaultMode: PageRequest['mode'] = 'page',
): PageRequest {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (input.page !== undefined && input.cursor !== undefined) {
    throw DomainError.validation('Use either "page" or "cursor", not both.', [
      { field: 'cursor', message: 'cannot be combined with page' },
    ]);
  }
  if (input.cursor !== undefined) return { mode: 'cursor', limit, cursor: input.cursor };
  if (input.page === undefined && defaultMode === 'cursor') return { mode: 'cursor', limit, cursor: null };
  return { mode: 'page', limit, page: input.page ?? 1 };
}
