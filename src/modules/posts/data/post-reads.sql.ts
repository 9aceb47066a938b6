import { Prisma } from '../../../generated/prisma/client';
import type { BodyFormatName, PostListFilter, PostOrderSpec } from '../domain/post-listing';
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/document-kind';
import { bodyColumns, countedButAhead, isPublicDocument, LABELS, labelPostCount, NO_RELATION_COLUMNS, POST_COLUMNS, relationColumns } from './post-read-model';

/** Tags and authors of `posts p` for kinds that have them; an empty pair of lists otherwise. */
function relationsOf(kind: DocumentKind): Prisma.Sql {
  return DOCUMENT_KINDS[kind].labels ? relationColumns() : NO_RELATION_COLUMNS;
}

// Constant identifiers only: never built from input.
const ORDER_COLUMNS: Record<PostOrderSpec['field'], Prisma.Sql> = {
  publishedAt: Prisma.raw('p.published_at'),
  updatedAt: Prisma.raw('p.updated_at'),
  title: Prisma.raw('p.title'),
};

/** The public listing filters over `posts p` (tags and authors: any of the slugs), ANDed. */
function filterSql(filter: PostListFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (filter.tags?.length) {
    // Slugs resolve to ids once (an InitPlan), so each candidate post costs one primary-key probe.
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM post_tags ft WHERE ft.post_id = p.id
      AND ft.tag_id = ANY(ARRAY(SELECT t.id FROM tags t WHERE t.slug = ANY(${filter.tags}::text[]))))`);
  }
  if (filter.authors?.length) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM post_authors fa WHERE fa.post_id = p.id
      AND fa.author_id = ANY(ARRAY(SELECT a.id FROM authors a WHERE a.slug = ANY(${filter.authors}::text[]))))`);
  }
  if (filter.featured !== undefined) and.push(Prisma.sql`p.featured = ${filter.featured}`);
  if (filter.publishedAfter) and.push(Prisma.sql`p.published_at > ${filter.publishedAfter}`);
  if (filter.publishedBefore) and.push(Prisma.sql`p.published_at < ${filter.publishedBefore}`);
  return and.length ? Prisma.sql`AND ${Prisma.join(and, ' AND ')}` : Prisma.empty;
}

/**
 * One page of public posts with tags and authors: offset (`skip`) or keyset (`bound`) pagination.
 * Reading "before" a bound walks the list backwards; the service reverses the rows again.
 */
export function publishedPageSql(args: {
  kind: DocumentKind;
  filter: PostListFilter;
  order: PostOrderSpec;
  take: number;
  skip?: number;
  bound?: { value: Date | string; id: string; direction: 'after' | 'before' };
  formats?: readonly BodyFormatName[];
  now: Date;
  /** Also answer how many documents match (`pageTotal` on every row), in the same statement. */
  withTotal?: boolean;
}): Prisma.Sql {
  const { field, direction } = args.order;
  const reverse = args.bound?.direction === 'before';
  const descending = (direction === 'desc') !== reverse;
  const column = ORDER_COLUMNS[field];
  const dir = Prisma.raw(descending ? 'DESC' : 'ASC');
  let keyset = Prisma.empty;
  if (args.bound) {
    const value = field === 'title' ? Prisma.sql`${args.bound.value}::text` : Prisma.sql`${args.bound.value}::timestamptz`;
    keyset = descending
      ? Prisma.sql`AND (${column}, p.id) < (${value}, ${args.bound.id}::uuid)`
      : Prisma.sql`AND (${column}, p.id) > (${value}, ${args.bound.id}::uuid)`;
  }
  // The page's ids first: body columns, tags and authors are then read for the page rows only,
  // never for the rows an OFFSET skips.
  return Prisma.sql`
    SELECT ${POST_COLUMNS}${bodyColumns(args.formats ?? [], false)}, ${relationsOf(args.kind)}${
      args.withTotal ? Prisma.sql`, (SELECT c.total FROM (${publishedCountSql(args.kind, args.filter, args.now)}) c) AS "pageTotal"` : Prisma.empty
    }
    FROM (
      SELECT p.id FROM posts p
      WHERE ${isPublicDocument(args.kind, args.now)} ${filterSql(args.filter)} ${keyset}
      ORDER BY ${column} ${dir}, p.id ${dir}
      LIMIT ${args.take} OFFSET ${args.skip ?? 0}
    ) page JOIN posts p ON p.id = page.id
    ORDER BY ${column} ${dir}, p.id ${dir}`;
}

/**
 * How many public posts match the filters. Unfiltered, and filtered by one tag or one author only, the
 * answer comes from the trigger-kept counts (minus posts dated ahead) instead of counting posts.
 */
export function publishedCountSql(kind: DocumentKind, filter: PostListFilter, now: Date): Prisma.Sql {
  const { tags = [], authors = [], featured, publishedAfter, publishedBefore } = filter;
  // The trigger-kept counts count posts only.
  const onlyLabels = kind === 'post' && featured === undefined && !publishedAfter && !publishedBefore;
  if (onlyLabels && tags.length === 0 && authors.length === 0) {
    return Prisma.sql`SELECT (c.value - (SELECT count(*) FROM posts p WHERE ${countedButAhead('p', now)}))::int AS total
      FROM published_post_total c`;
  }
  if (onlyLabels && tags.length + authors.length === 1) {
    const [kind, slug] = tags.length ? (['tag', tags[0]] as const) : (['author', authors[0]] as const);
    const { table } = LABELS[kind];
    return Prisma.sql`SELECT COALESCE((SELECT ${labelPostCount(kind, 'l', now)} FROM ${table} l WHERE l.slug = ${slug}), 0) AS total`;
  }
  return Prisma.sql`SELECT count(*)::int AS total FROM posts p WHERE ${isPublicDocument(kind, now)} ${filterSql(filter)}`;
}

/** One public document of `kind` (by a condition on `p`) with its body formats, toc, tags and authors. */
export function publishedOneSql(kind: DocumentKind, where: Prisma.Sql, formats: readonly BodyFormatName[], now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${POST_COLUMNS}${bodyColumns(formats, true)}, ${relationsOf(kind)}
    FROM posts p WHERE ${where} AND ${isPublicDocument(kind, now)}`;
}

/** The current slug of a public document of `kind` that used to be reachable under `oldSlug` (one history for all kinds). */
export function currentSlugSql(kind: DocumentKind, oldSlug: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT p.slug FROM post_slug_history h JOIN posts p ON p.id = h.post_id
    WHERE h.slug = ${oldSlug} AND ${isPublicDocument(kind, now)}`;
}

/** Bodies of public documents of any kind, by id (GraphQL body fields). */
export function publishedBodiesSql(ids: readonly string[], now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id::text AS id, p.html, p.plaintext, p.markdown, p.toc
    FROM posts p WHERE p.id = ANY(${[...ids]}::uuid[]) AND ${isPublicDocument(ALL_KINDS, now)}`;
}

/** Kind, slug and last change of every public document of the given kinds, newest first (the sitemap). */
export function publishedUrlsSql(kinds: readonly DocumentKind[], now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT p.kind::text AS kind, p.slug, p.updated_at AS "updatedAt" FROM posts p
    WHERE ${isPublicDocument(kinds, now)} ORDER BY p.published_at DESC, p.id DESC`;
}

const ALL_KINDS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];
