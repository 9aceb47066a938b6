/**
 * What a revision stores: every editable field of a post, tags and authors by slug in order.
 * Restoring a revision writes these fields back (and records a new revision).
 */
export interface PostSnapshot {
  title: string;
  slug: string;
  /** Markdown source, or null when the body was written as HTML (then `html` holds it). */
  markdown: string | null;
  html: string | null;
  customExcerpt: string | null;
  status: 'DRAFT' | 'SCHEDULED' | 'PUBLISHED';
  publishedAt: string | null;
  featured: boolean;
  /** A library image has `mediaId` (and no url); older snapshots and URL images have `url` only. */
  featureImage: { mediaId?: string; url: string | null; alt: string | null; caption: string | null } | null;
  canonicalUrl: string | null;
  seo: { title: string | null; description: string | null; ogImage: string | null; twitterImage: string | null };
  tags: string[];
  authors: string[];
}
