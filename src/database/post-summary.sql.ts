import { Prisma } from '../generated/prisma/client';

/**
 * The post summary columns (what `POST_SUMMARY_SELECT` reads through Prisma) for raw SQL over `posts p`,
 * aliased to the Prisma field names so rows map with the posts mapper unchanged.
 */
export const POST_SUMMARY_COLUMNS = Prisma.sql`
  p.id::text AS "id", p.slug, p.title, p.excerpt, p.custom_excerpt AS "customExcerpt", p.status::text AS "status",
  p.featured, p.published_at AS "publishedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.version,
  p.word_count AS "wordCount", p.image_count AS "imageCount", p.reading_time_seconds AS "readingTimeSeconds",
  p.reading_time_minutes AS "readingTimeMinutes", p.feature_image_url AS "featureImageUrl",
  p.feature_image_alt AS "featureImageAlt", p.feature_image_caption AS "featureImageCaption",
  p.canonical_url AS "canonicalUrl", p.seo_title AS "seoTitle", p.seo_description AS "seoDescription",
  p.og_image AS "ogImage", p.twitter_image AS "twitterImage"`;

/** The public visibility rule (see published-post.where.ts) as a raw SQL condition over `posts p`. */
export function publishedPostSql(now: Date): Prisma.Sql {
  return Prisma.sql`p.status = 'PUBLISHED' AND p.published_at <= ${now}`;
}
