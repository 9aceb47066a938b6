import { Prisma } from '../../../generated/prisma/client';
import { type AuthorReadRow, LABEL_TABLES, labelJson, type TagReadRow } from '../../labels/data/label-read-model';
import { mediaImageJson } from '../../media/data/media-read-model';
import type { MediaImageRow } from '../../media/domain/image';
import type { DocumentKind } from '../domain/document-kind';
import type { BodyFormatName } from '../domain/post-listing';

/**
 * The public read model of a post: the one column list, visibility rule, row type and tag/author
 * ids that every public read (posts, search, related, listings, feeds) shares.
 * Other modules import this file and post-rows-read-model.ts (which runs these statements and adds the
 * labels), never the rest of posts/data.
 */

/** A post row as every read selects it (Prisma field names, so one mapper serves reads and the editor API). */
export interface PostSummaryRow {
  id: string;
  /** `post` or `page` (see domain/document-kind.ts). */
  kind: DocumentKind;
  slug: string;
  title: string;
  excerpt: string;
  customExcerpt: string | null;
  status: string;
  featured: boolean;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  wordCount: number;
  imageCount: number;
  readingTimeSeconds: number;
  readingTimeMinutes: number;
  featureImageUrl: string | null;
  featureImageAlt: string | null;
  featureImageCaption: string | null;
  /** A library feature image (then the url column is unused; alt and caption override the library's). */
  featureImageMediaId: string | null;
  featureImageMedia: MediaImageRow | null;
  canonicalUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  ogImage: string | null;
  twitterImage: string | null;
}

export interface PostBodyRow {
  html?: string;
  plaintext?: string;
  markdown?: string | null;
  toc?: unknown;
}

export type PostRow = PostSummaryRow & PostBodyRow;

/**
 * A public post row with its ordered tags and authors (label rows with their library images): the
 * statement selects their ids (PostIdsRow) and PostRowsReader adds the rows. Map them with the labels
 * presenter (post.mapper.ts does).
 */
export type PostReadRow = PostRow & { tags: TagReadRow[]; authors: AuthorReadRow[] };

/** The summary columns over `posts p`, aliased to the row type above. */
export const POST_COLUMNS = Prisma.sql`
  p.id::text AS "id", p.kind::text AS "kind", p.slug, p.title, p.excerpt, p.custom_excerpt AS "customExcerpt", p.status::text AS "status",
  p.featured, p.published_at AS "publishedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version,
  p.word_count AS "wordCount", p.image_count AS "imageCount", p.reading_time_seconds AS "readingTimeSeconds",
  p.reading_time_minutes AS "readingTimeMinutes", p.feature_image_url AS "featureImageUrl",
  p.feature_image_alt AS "featureImageAlt", p.feature_image_caption AS "featureImageCaption",
  p.canonical_url AS "canonicalUrl", p.seo_title AS "seoTitle", p.seo_description AS "seoDescription",
  p.og_image AS "ogImage", p.twitter_image AS "twitterImage", p.feature_image_media_id::text AS "featureImageMediaId",
  (SELECT ${mediaImageJson('fm')} FROM media fm WHERE fm.id = p.feature_image_media_id) AS "featureImageMedia"`;

/** Body columns (with a leading comma, or nothing) for the formats asked for. */
export function bodyColumns(formats: readonly BodyFormatName[], withToc: boolean): Prisma.Sql {
  const columns: Prisma.Sql[] = [];
  if (formats.includes('html')) columns.push(Prisma.sql`p.html`);
  if (formats.includes('plaintext')) columns.push(Prisma.sql`p.plaintext`);
  if (formats.includes('markdown')) columns.push(Prisma.sql`p.markdown`);
  if (withToc) columns.push(Prisma.sql`p.toc`);
  return columns.length ? Prisma.sql`, ${Prisma.join(columns, ', ')}` : Prisma.empty;
}

/** The public visibility rule over `posts p` for documents of the given kinds: published, and its publication time has come. */
export function isPublicDocument(kinds: DocumentKind | readonly DocumentKind[], now: Date): Prisma.Sql {
  const ofKind =
    typeof kinds === 'string' ? Prisma.sql`p.kind = ${kinds}::"DocumentKind"` : Prisma.sql`p.kind = ANY(${[...kinds]}::"DocumentKind"[])`;
  return Prisma.sql`${ofKind} AND p.status = 'PUBLISHED' AND p.published_at <= ${now}`;
}

/** Public posts (never pages): lists, feeds, related posts and label listings. */
export function isPublicPost(now: Date): Prisma.Sql {
  return isPublicDocument('post', now);
}

/**
 * Posts the write-time counts include but readers must not see yet: PUBLISHED with a publication time
 * still ahead (set by hand; the API schedules future posts as SCHEDULED). An index range, usually empty.
 */
export function countedButAhead(alias: string, now: Date): Prisma.Sql {
  const p = Prisma.raw(alias);
  return Prisma.sql`${p}.kind = 'post' AND ${p}.status = 'PUBLISHED' AND ${p}.published_at > ${now}`;
}

// Constant identifiers only (the labels module's table descriptor): never built from input.
const labelTableSql = (kind: keyof typeof LABEL_TABLES) => ({
  table: Prisma.raw(LABEL_TABLES[kind].table),
  links: Prisma.raw(LABEL_TABLES[kind].links),
  column: Prisma.raw(LABEL_TABLES[kind].linkColumn),
});
export const LABELS = { tag: labelTableSql('tag'), author: labelTableSql('author') } as const;
export type LabelKind = keyof typeof LABELS;

/**
 * Public post count of the label row `alias` (a tags or authors row): the trigger-kept count of
 * PUBLISHED posts minus those whose publication time is still ahead. The subtraction walks the
 * (status, published_at) index from `now` onwards, which is empty but for posts dated ahead by hand.
 */
export function labelPostCount(kind: LabelKind, alias: string, now: Date): Prisma.Sql {
  const { links, column } = LABELS[kind];
  const label = Prisma.raw(alias);
  return Prisma.sql`(${label}.published_post_count - (
    SELECT count(*) FROM posts u JOIN ${links} ul ON ul.post_id = u.id
    WHERE ul.${column} = ${label}.id AND ${countedButAhead('u', now)})::int)`;
}

/**
 * The ids of the ordered tags and authors of `posts p`, as two comma-separated text columns ("tagIds",
 * "authorIds"; empty for none): the driver's array parser cost more than splitting a string.
 */
export function relationColumns(): Prisma.Sql {
  const ids = (kind: LabelKind) => {
    const { links, column } = LABELS[kind];
    return Prisma.sql`array_to_string(ARRAY(SELECT plx.${column} FROM ${links} plx WHERE plx.post_id = p.id ORDER BY plx.position), ',')`;
  };
  return Prisma.sql`${ids('tag')} AS "tagIds", ${ids('author')} AS "authorIds"`;
}

/** The relation columns of a kind without labels (pages): two empty lists. */
export const NO_RELATION_COLUMNS = Prisma.sql`'' AS "tagIds", '' AS "authorIds"`;

/** What a public post statement selects for its labels; PostRowsReader turns it into a PostReadRow. */
export type PostIdsRow = PostRow & { tagIds: string | null; authorIds: string | null };

/** Label rows of `kind` by id, as the posts embed them (`labelJson`), with their public post counts. */
export function labelRowsByIdSql(kind: LabelKind, ids: readonly string[], now: Date): Prisma.Sql {
  const { table } = LABELS[kind];
  return Prisma.sql`SELECT ${labelJson(kind, 'pl', labelPostCount(kind, 'pl', now))} AS "label"
    FROM ${table} pl WHERE pl.id = ANY(${[...ids]}::uuid[])`;
}

/** The same visibility rule for the editor API's Prisma reads (its per-label counts). */
export function publishedPostWhere(now: Date = new Date()): Prisma.PostWhereInput {
  return { kind: 'post', status: 'PUBLISHED', publishedAt: { lte: now } };
}
