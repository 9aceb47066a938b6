import type { Type } from '@nestjs/common';
import { DOCUMENT_KINDS, type DocumentKind } from './domain/document-kind';
import type { PostListFilter } from './domain/post-listing';

/** The filter parameters a list may carry, in REST queries and GraphQL filter inputs alike. */
export interface DocumentFilterParams {
  tag?: string[];
  author?: string[];
  featured?: boolean;
  publishedAfter?: Date;
  publishedBefore?: Date;
}

/**
 * What the REST and GraphQL transports of one document kind need beyond its descriptor: its nouns and how
 * its list parameters become a filter. Each transport factory takes this plus the kind's own classes and
 * the summaries that are worded per kind.
 */
export interface DocumentTransportSpec {
  kind: DocumentKind;
  /** REST collection: `/api/<path>`, `/api/admin/<path>`. */
  path: string;
  /** Lower case, in summaries and descriptions ("post"). */
  noun: string;
  /** Capitalised, in GraphQL names (`createPost`, `adminPosts`). */
  title: string;
  plural: string;
  /** The list filter from the parameters this kind offers (posts: tags and authors too). */
  filter(params: DocumentFilterParams): PostListFilter;
}

/** The transport spec of `kind` from its descriptor and the filter it offers. */
export function documentTransport(kind: DocumentKind, filter: DocumentTransportSpec['filter']): DocumentTransportSpec {
  const { label, path } = DOCUMENT_KINDS[kind];
  // GraphQL sends an explicit `null` for a filter field the client leaves open: it means "any", as absence does.
  const withoutNulls = (params: DocumentFilterParams): DocumentFilterParams =>
    Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)) as DocumentFilterParams;
  return { kind, path, noun: kind, title: label, plural: `${label}s`, filter: (params) => filter(withoutNulls(params)) };
}

/**
 * Handlers written once for every kind take the kind's query, args or input class as a generic parameter,
 * for which TypeScript records only `Object`. The ValidationPipe, Swagger and GraphQL read parameter types
 * from this metadata, so the factory states the class at `index` (the other parameters keep theirs).
 */
export function declareParamType(target: { prototype: object }, method: string, index: number, type: Type<unknown>): void {
  const proto = target.prototype;
  const types = [...((Reflect.getMetadata('design:paramtypes', proto, method) as unknown[] | undefined) ?? [])];
  types[index] = type;
  Reflect.defineMetadata('design:paramtypes', types, proto, method);
}
