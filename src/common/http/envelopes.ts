import { Paginated } from '../pagination/pagination.types';

/** REST success envelopes: `{ data }` for one resource, `{ data, meta: { pagination } }` for lists. */
export interface DataEnvelope<T> {
  data: T;
}

export interface ListEnvelope<T> {
  data: T[];
  meta: { pagination: object };
}

export function one<T>(data: T): DataEnvelope<T> {
  return { data };
}

export function list<T>(result: Paginated<T>): ListEnvelope<T> {
  return { data: result.items, meta: { pagination: result.page ?? result.cursor ?? {} } };
}

/** A complete, unpaginated list (tokens, webhooks, revisions, related posts): its pagination is its size. */
export function whole<T>(items: T[]): ListEnvelope<T> {
  return { data: items, meta: { pagination: { total: items.length } } };
}
