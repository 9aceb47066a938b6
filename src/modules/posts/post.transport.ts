import { documentTransport } from './document-transport';

/** Posts: listed by tag and author as well. */
export const POST_TRANSPORT = documentTransport('post', (p) => ({
  tags: p.tag,
  authors: p.author,
  featured: p.featured,
  publishedAfter: p.publishedAfter,
  publishedBefore: p.publishedBefore,
}));
