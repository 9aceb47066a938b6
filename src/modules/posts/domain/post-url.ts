import { DOCUMENT_KINDS, type DocumentKind } from './document-kind';

/**
 * The public URL of a post on the site that renders it: `SITE_URL` joined with `POST_URL_PATTERN`,
 * whose `{slug}` placeholder takes the (URL-encoded) slug. An absolute pattern is used as it is.
 */
export function buildPostUrl(siteUrl: string, pattern: string, slug: string): string {
  const path = pattern.replaceAll('{slug}', encodeURIComponent(slug));
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The public URL of a post under the configured site (`SITE_URL`, `POST_URL_PATTERN`). */
export function postUrlFor(site: { url: string; postUrlPattern: string }, slug: string): string {
  return buildPostUrl(site.url, site.postUrlPattern, slug);
}

/** The site's home page, with a trailing slash (the form feeds and sitemaps use). */
export function siteHome(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/`;
}

/** The public URL of a document of any kind (`POST_URL_PATTERN`, `PAGE_URL_PATTERN`). */
export function documentUrlFor(
  site: { url: string; postUrlPattern: string; pageUrlPattern: string },
  kind: DocumentKind,
  slug: string,
): string {
  return buildPostUrl(site.url, DOCUMENT_KINDS[kind].urlPattern(site), slug);
}
