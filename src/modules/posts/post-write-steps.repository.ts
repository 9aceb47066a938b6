import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { Prisma } from '../../generated/prisma/client';
import { toSlug } from '../content-body/domain/slug';
import { LABEL_TABLES } from '../labels/data/label-read-model';
import type { LabelKind } from '../labels/label-kind';
import { enqueueRelatedRefresh } from '../related-content/related-refresh.repository';
import { actionKind, type DocumentAction } from './domain/document-kind';
import { PostSnapshot } from './domain/post-snapshot';
import { KnownTag, resolveTagRefs, tagLookupSlugs } from './domain/tag-refs';
import { slugFamilyPattern, uniqueSlug } from '../content-body/domain/unique-slug';

/** Steps of one post write, each run inside the caller's transaction (see PostWritesRepository). */
type Tx = Prisma.TransactionClient;

export interface WriteActor {
  tokenId: string | null;
  requestId: string | null;
}

export async function assertSlugFree(tx: Tx, slug: string, postId?: string): Promise<void> {
  const owner = await tx.post.findUnique({ where: { slug }, select: { id: true } });
  // One slug namespace for every document kind (a page cannot take a post's slug, nor the reverse).
  if (owner && owner.id !== postId) throw new DomainError(ErrorCode.CONFLICT, `The slug "${slug}" is taken by another post.`);
}

/** A feature image from the library must exist (an unknown id is the client's mistake: 400, not 500). */
export async function assertMediaExists(tx: Tx, mediaId: string | null | undefined): Promise<void> {
  if (!mediaId) return;
  // FOR SHARE: a concurrent media delete waits for this write, so the reference never dangles mid-write.
  const found = await tx.$queryRaw<unknown[]>`SELECT 1 FROM media WHERE id = ${mediaId}::uuid FOR SHARE`;
  if (found.length === 0) {
    throw DomainError.validation(`Unknown media item "${mediaId}".`, [{ field: 'featureImage.mediaId', message: 'unknown media item' }]);
  }
}

/** A free slug from a title: the base, or base-2, base-3, … skipping current and former slugs. */
export async function generateSlug(tx: Tx, title: string): Promise<string> {
  const base = toSlug(title) || 'post';
  const pattern = slugFamilyPattern(base);
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT slug FROM posts WHERE slug = ${base} OR slug LIKE ${pattern}
    UNION SELECT slug FROM post_slug_history WHERE slug = ${base} OR slug LIKE ${pattern}`;
  return uniqueSlug(base, new Set(rows.map((r) => r.slug)));
}

/** Replaces the post's tags: existing ones by slug or name, unknown names created; order kept. */
/**
 * Tells the posts insert trigger that this transaction links tags to the post it inserts next: the tag-link
 * trigger builds the search document once they are there, so the insert does not build one first.
 * Only for a create with at least one tag entry (`replaceTags` links at least one tag or throws).
 */
export async function announceTagLinks(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT set_config('byline.search_document_follows', 'on', true)`;
}

export async function replaceTags(tx: Tx, postId: string, entries: string[]): Promise<void> {
  const lookup = tagLookupSlugs(entries);
  const names = entries.map((e) => e.trim().toLowerCase());
  const known = await tx.$queryRaw<KnownTag[]>`
    SELECT id::text AS id, slug, name FROM tags WHERE slug = ANY(${lookup}::text[]) OR lower(name) = ANY(${names}::text[])`;
  const { refs, invalid } = resolveTagRefs(entries, known);
  if (invalid.length) {
    throw DomainError.validation(`Tags need a letter or digit: ${invalid.map((t) => `"${t}"`).join(', ')}.`, [
      { field: 'tags', message: `invalid tag ${invalid.map((t) => `"${t}"`).join(', ')}` },
    ]);
  }
  const toCreate = refs.flatMap((r) => ('create' in r ? [r.create] : []));
  // ON CONFLICT DO NOTHING: a concurrent write may create the same tag first; we then link to it
  // (the link statement below runs with a fresh snapshot, so it sees that tag).
  if (toCreate.length) {
    await tx.$executeRaw`INSERT INTO tags (slug, name)
      SELECT * FROM unnest(${toCreate.map((t) => t.slug)}::text[], ${toCreate.map((t) => t.name)}::text[]) ON CONFLICT (slug) DO NOTHING`;
  }
  await replaceLinks(tx, 'tag', postId, refs.map((r) => ('create' in r ? r.create.slug : r.slug)));
}

/** Replaces the post's authors (by slug, in order); an unknown slug is a 400 naming it. */
export async function replaceAuthors(tx: Tx, postId: string, slugs: string[]): Promise<void> {
  const unique = [...new Set(slugs)];
  const linked = await replaceLinks(tx, 'author', postId, unique);
  if (linked < unique.length) {
    const found = new Set(
      (await tx.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM authors WHERE slug = ANY(${unique}::text[])`).map((a) => a.slug),
    );
    const list = unique.filter((s) => !found.has(s)).map((s) => `"${s}"`).join(', ');
    // Throwing rolls the transaction back, links included.
    throw DomainError.validation(`Unknown author ${list}.`, [{ field: 'authors', message: `unknown author ${list}` }]);
  }
}

/**
 * Makes the post's links to labels exactly `slugs`, in that order (position 0 first), in one statement:
 * links no longer wanted are deleted, the others inserted or moved. Returns how many slugs matched a label.
 */
async function replaceLinks(tx: Tx, kind: LabelKind, postId: string, slugs: string[]): Promise<number> {
  const spec = LABEL_TABLES[kind];
  const [labels, links, column] = [Prisma.raw(spec.table), Prisma.raw(spec.links), Prisma.raw(spec.linkColumn)];
  const [row] = await tx.$queryRaw<Array<{ linked: number }>>`
    WITH wanted AS (
      SELECT l.id, w.position::int - 1 AS position
      FROM unnest(${slugs}::text[]) WITH ORDINALITY AS w(slug, position) JOIN ${labels} l ON l.slug = w.slug
    ), removed AS (
      DELETE FROM ${links} WHERE post_id = ${postId}::uuid AND ${column} NOT IN (SELECT id FROM wanted)
    ), linked AS (
      INSERT INTO ${links} (post_id, ${column}, position) SELECT ${postId}::uuid, id, position FROM wanted
      ON CONFLICT (post_id, ${column}) DO UPDATE SET position = EXCLUDED.position
        WHERE ${links}.position IS DISTINCT FROM EXCLUDED.position
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM wanted)::int AS linked`;
  return row.linked;
}

/**
 * Sets the library images the post's body shows (`post_media`, which media deletes check) to `mediaIds`,
 * in one statement; ids of items that no longer exist are skipped. The FK check key-share-locks each
 * media row, so a concurrent media delete waits for this write and then sees the reference.
 */
export async function replaceBodyMedia(tx: Tx, postId: string, mediaIds: readonly string[]): Promise<void> {
  const ids = [...mediaIds];
  await tx.$executeRaw`
    WITH dropped AS (DELETE FROM post_media WHERE post_id = ${postId}::uuid AND NOT (media_id = ANY(${ids}::uuid[])))
    INSERT INTO post_media (post_id, media_id)
    SELECT ${postId}::uuid, m.id FROM media m WHERE m.id = ANY(${ids}::uuid[])
    ON CONFLICT DO NOTHING`;
}

/** The old slug of a published post keeps redirecting to it; the new one must not redirect anywhere. */
export async function recordSlugChange(tx: Tx, postId: string, oldSlug: string, newSlug: string): Promise<void> {
  await tx.postSlugHistory.deleteMany({ where: { slug: newSlug } });
  await tx.postSlugHistory.upsert({ where: { slug: oldSlug }, create: { slug: oldSlug, postId }, update: { postId } });
}

/**
 * A document's revision snapshot (`PostSnapshot`), built by PostgreSQL from the row and its ordered
 * tag and author slugs in one expression: one statement per revision instead of five planned queries.
 */
function snapshotJson(postId: string): Prisma.Sql {
  return Prisma.sql`(SELECT jsonb_build_object(
      'title', p.title, 'slug', p.slug, 'markdown', p.markdown,
      'html', CASE WHEN p.markdown IS NULL THEN p.html END,
      'customExcerpt', p.custom_excerpt, 'status', p.status,
      'publishedAt', to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'featured', p.featured,
      'featureImage', CASE
        WHEN p.feature_image_media_id IS NOT NULL THEN jsonb_build_object(
          'mediaId', p.feature_image_media_id, 'url', NULL, 'alt', p.feature_image_alt, 'caption', p.feature_image_caption)
        WHEN p.feature_image_url IS NOT NULL THEN jsonb_build_object(
          'url', p.feature_image_url, 'alt', p.feature_image_alt, 'caption', p.feature_image_caption)
      END,
      'canonicalUrl', p.canonical_url,
      'seo', jsonb_build_object('title', p.seo_title, 'description', p.seo_description, 'ogImage', p.og_image, 'twitterImage', p.twitter_image),
      'tags', COALESCE((SELECT jsonb_agg(t.slug ORDER BY pt.position) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '[]'::jsonb),
      'authors', COALESCE((SELECT jsonb_agg(a.slug ORDER BY pa.position) FROM post_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.post_id = p.id), '[]'::jsonb))
    FROM posts p WHERE p.id = ${postId}::uuid)`;
}

export async function readSnapshot(tx: Tx, postId: string): Promise<PostSnapshot> {
  const [row] = await tx.$queryRaw<Array<{ snapshot: PostSnapshot | null }>>`SELECT ${snapshotJson(postId)} AS snapshot`;
  if (!row?.snapshot) throw DomainError.notFound(`Document ${postId}`);
  return row.snapshot;
}

/** Stores the next numbered revision; writes to one post are serialised by its version check (row lock). */
export async function addRevision(tx: Tx, postId: string, actor: WriteActor): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ number: number }>>`
    INSERT INTO post_revisions (post_id, number, snapshot, token_id)
    SELECT ${postId}::uuid, COALESCE((SELECT max(r.number) FROM post_revisions r WHERE r.post_id = ${postId}::uuid), 0) + 1,
           ${snapshotJson(postId)}, ${actor.tokenId}::uuid
    RETURNING number`;
  return row.number;
}

/**
 * Queues the post for the background refresh of related lists (its own, and its place in others'),
 * committed with the write. Nothing here grows with the blog, and no lock is shared between posts.
 */
export async function queueRelatedRefresh(tx: Tx, postId: string, delayMs: number): Promise<void> {
  await enqueueRelatedRefresh(tx, [postId], { reverse: true, delayMs });
}

/** The audit entry of a document write; its target type is the document kind the action names. */
export async function audit(tx: Tx, actor: WriteActor, action: DocumentAction, postId: string, details?: object): Promise<void> {
  await tx.auditEntry.create({
    data: {
      tokenId: actor.tokenId,
      action,
      targetType: actionKind(action),
      targetId: postId,
      requestId: actor.requestId,
      details: details as Prisma.InputJsonValue | undefined,
    },
  });
}
