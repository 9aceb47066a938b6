import { documentTransport } from './document-transport';

/** Pages: no tags or authors, so no such filters. */
export const PAGE_TRANSPORT = documentTransport('page', (p) => ({
  featured: p.featured,
  publishedAfter: p.publishedAfter,
  publishedBefore: p.publishedBefore,
}));
