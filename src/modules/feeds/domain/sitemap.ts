import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';

export interface SitemapEntry {
  url: string;
  lastmod?: Date;
}

/** A sitemaps.org urlset written by the `sitemap` library (which escapes and validates the URLs). */
export async function renderSitemap(entries: SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: false, video: false, image: false, xhtml: false } });
  const items = entries.map((e) => ({ url: e.url, ...(e.lastmod ? { lastmod: e.lastmod.toISOString() } : {}) }));
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return xml.toString('utf8');
}
