import { AUTHOR_LABEL } from '../authors/author.label';
import type { AuthorModel } from '../authors/models/author.model';
import type { MediaImagesService } from '../media/media-images.service';
import type { TagModel } from '../tags/models/tag.model';
import type { LabelModel } from '../labels/models/label.model';
import { TAG_LABEL } from '../tags/tag.label';
import type { PostReadRow, PostRow } from './data/post-read-model';
import { DOCUMENT_KINDS } from './domain/document-kind';
import { documentUrlFor } from './domain/post-url';
import { PostModel, PostStatus, TocEntry } from './models/post.model';

export interface PostWithRelations extends PostModel {
  url: string;
  tags: TagModel[];
  primaryTag: TagModel | null;
  authors: AuthorModel[];
  primaryAuthor: AuthorModel | null;
}

/** Describes a feature image: a library row (alt/caption of the document win), else a URL, else none. */
export type FeatureImageResolver = Pick<MediaImagesService, 'resolve'>;

/** The one mapping from a stored post row to the output model both transports share. */
export function toPostModel(row: PostRow, images: FeatureImageResolver): PostModel {
  const model: PostModel = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    customExcerpt: row.customExcerpt,
    status: row.status as PostStatus,
    featured: row.featured,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    readingTime: {
      minutes: row.readingTimeMinutes,
      seconds: row.readingTimeSeconds,
      words: row.wordCount,
      images: row.imageCount,
    },
    featureImage: images.resolve(row.featureImageMedia ?? null, row.featureImageUrl, row.featureImageAlt, row.featureImageCaption),
    canonicalUrl: row.canonicalUrl,
    seo: { title: row.seoTitle, description: row.seoDescription, ogImage: row.ogImage, twitterImage: row.twitterImage },
  };
  if (row.html !== undefined) model.html = row.html;
  if (row.plaintext !== undefined) model.plaintext = row.plaintext;
  if (row.markdown !== undefined) model.markdown = row.markdown;
  if (row.toc !== undefined) model.toc = row.toc as TocEntry[];
  return model;
}

export type SiteUrls = { url: string; postUrlPattern: string; pageUrlPattern: string };

/** A page as both transports show it: the document fields and its url, no labels. */
export type PageDocument = PostModel & { url: string };

/**
 * A public read row (tags and authors aggregated by the same statement) with its site URL. Kinds
 * without labels (pages) carry no tags/authors keys at all; their transports never name them.
 */
export function toPostWithRelations(row: PostReadRow, site: SiteUrls, images: FeatureImageResolver): PostWithRelations {
  if (!DOCUMENT_KINDS[row.kind].labels) return toPageDocument(row, site, images) as PostWithRelations;
  // The labels' own presenters (the same images resolver), so an embedded tag reads as /api/tags shows it.
  const tags = row.tags.map((t) => presentOnce(t, images, () => TAG_LABEL.toModel(t, images)));
  const authors = row.authors.map((a) => presentOnce(a, images, () => AUTHOR_LABEL.toModel(a, images)));
  const model = toPostModel(row, images) as PostWithRelations;
  model.url = documentUrlFor(site, row.kind, row.slug);
  model.tags = tags;
  model.primaryTag = tags[0] ?? null;
  model.authors = authors;
  model.primaryAuthor = authors[0] ?? null;
  return model;
}

// Label rows come from the read model's per-generation cache, the same object on every post and request
// that shows the label: each is presented once (output models are never modified afterwards).
const presented = new WeakMap<FeatureImageResolver, WeakMap<object, LabelModel>>();
function presentOnce<M extends LabelModel>(row: object, images: FeatureImageResolver, present: () => M): M {
  let byRow = presented.get(images);
  if (!byRow) presented.set(images, (byRow = new WeakMap()));
  let model = byRow.get(row) as M | undefined;
  if (!model) byRow.set(row, (model = present()));
  return model;
}

export function toPageDocument(row: PostRow, site: SiteUrls, images: FeatureImageResolver): PageDocument {
  return { ...toPostModel(row, images), url: documentUrlFor(site, row.kind, row.slug) };
}

/** True when a post model already carries its tags and authors (public reads), so no loader is needed. */
export function hasRelations(post: PostModel): post is PostWithRelations {
  return Array.isArray((post as Partial<PostWithRelations>).tags) && Array.isArray((post as Partial<PostWithRelations>).authors);
}
