import { PostModel, PostStatus, TocEntry } from './models/post.model';
import type { PostRow } from './posts.repository';

/** The one mapping from a stored post row to the output model both transports share. */
export function toPostModel(row: PostRow): PostModel {
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
    featureImage: row.featureImageUrl
      ? { url: row.featureImageUrl, alt: row.featureImageAlt, caption: row.featureImageCaption }
      : null,
    canonicalUrl: row.canonicalUrl,
    seo: { title: row.seoTitle, description: row.seoDescription, ogImage: row.ogImage, twitterImage: row.twitterImage },
  };
  if (row.html !== undefined) model.html = row.html;
  if (row.plaintext !== undefined) model.plaintext = row.plaintext;
  if (row.markdown !== undefined) model.markdown = row.markdown;
  if (row.toc !== undefined) model.toc = row.toc as unknown as TocEntry[];
  return model;
}
