import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Prisma } from '../../generated/prisma/client';
import { toSlug } from '../content-body/domain/slug';
import { enqueueRelatedRefresh } from '../related-content/related-refresh.repository';
import { actionKind, type DocumentAction } from './domain/document-kind';
import { PostSnapshot } from './domain/post-snapshot';
import { resolveTagRefs, tagLookupSlugs } from './domain/tag-refs';
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
export async function replaceTags(tx: Tx, postId: string, entries: string[]): Promise<void> {
  const lookup = tagLookupSlugs(entries);
  const names = entries.map((e) => e.trim().toLowerCase());
  const known = await tx.tag.findMany({
    where: { OR: [{ slug: { in: lookup } }, { name: { in: names, mode: 'insensitive' } }] },
    select: { id: true, slug: true, name: true },
  });
  const { refs, invalid } = resolveTagRefs(entries, known);
  if (invalid.length) {
    throw DomainError.validation(`Tags need a letter or digit: ${invalid.map((t) => `"${t}"`).join(', ')}.`, [
      { field: 'tags', message: `invalid tag ${invalid.map((t) => `"${t}"`).join(', ')}` },
    ]);
  }
  const toCreate = refs.flatMap((r) => ('create' in r ? [r.create] : []));
  // ON CONFLICT DO NOTHING: a concurrent write may create the same tag first; we then link to it.
  if (toCreate.length) await tx.tag.createMany({ data: toCreate, skipDuplicates: true });
  const slugs = refs.map((r) => ('create' in r ? r.create.slug : r.slug));
  const ids = new Map((await tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  await tx.postTag.deleteMany({ where: { postId } });
  await tx.postTag.createMany({ data: slugs.map((slug, position) => ({ postId, tagId: ids.get(slug)!, position })) });
}

/** Replaces the post's authors (by slug, in order); an unknown slug is a 400 naming it. */
export async function replaceAuthors(tx: Tx, postId: string, slugs: string[]): Promise<void> {
  const unique = [...new Set(slugs)];
  const found = new Map((await tx.author.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
  const unknown = unique.filter((s) => !found.has(s));
  if (unknown.length) {
    const list = unknown.map((s) => `"${s}"`).join(', ');
    throw DomainError.validation(`Unknown author ${list}.`, [{ field: 'authors', message: `unknown author ${list}` }]);
  }
  await tx.postAuthor.deleteMany({ where: { postId } });
  await tx.postAuthor.createMany({ data: unique.map((slug, position) => ({ postId, authorId: found.get(slug)!, position })) });
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

const SNAPSHOT_SELECT = {
  title: true, slug: true, markdown: true, html: true, customExcerpt: true, status: true, publishedAt: true, featured: true,
  featureImageUrl: true, featureImageAlt: true, featureImageCaption: true, featureImageMediaId: true, canonicalUrl: true,
  seoTitle: true, seoDescription: true, ogImage: true, twitterImage: true,
  tags: { select: { tag: { select: { slug: true } } }, orderBy: { position: 'asc' } },
  authors: { select: { author: { select: { slug: true } } }, orderBy: { position: 'asc' } },
} satisfies Prisma.PostSelect;

export async function readSnapshot(tx: Tx, postId: string): Promise<PostSnapshot> {
  const row = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: SNAPSHOT_SELECT });
  return {
    title: row.title,
    slug: row.slug,
    markdown: row.markdown,
    html: row.markdown === null ? row.html : null,
    customExcerpt: row.customExcerpt,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    featured: row.featured,
    featureImage: row.featureImageMediaId
      ? { mediaId: row.featureImageMediaId, url: null, alt: row.featureImageAlt, caption: row.featureImageCaption }
      : row.featureImageUrl
        ? { url: row.featureImageUrl, alt: row.featureImageAlt, caption: row.featureImageCaption }
        : null,
    canonicalUrl: row.canonicalUrl,
    seo: { title: row.seoTitle, description: row.seoDescription, ogImage: row.ogImage, twitterImage: row.twitterImage },
    tags: row.tags.map((t) => t.tag.slug),
    authors: row.authors.map((a) => a.author.slug),
  };
}

/** Stores the next numbered revision; writes to one post are serialised by its version check. */
export async function addRevision(tx: Tx, postId: string, actor: WriteActor): Promise<number> {
  const snapshot = await readSnapshot(tx, postId);
  const { _max } = await tx.postRevision.aggregate({ where: { postId }, _max: { number: true } });
  const number = (_max.number ?? 0) + 1;
  await tx.postRevision.create({ data: { postId, number, snapshot: snapshot as unknown as Prisma.InputJsonValue, tokenId: actor.tokenId } });
  return number;
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
