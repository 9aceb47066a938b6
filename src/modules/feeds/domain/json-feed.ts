import { FeedChannel, FeedEntry } from './feed-entry';

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); only the members Byline fills. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html?: string;
    image?: string;
    date_published: string;
    date_modified: string;
    authors?: { name: string; url?: string }[];
    tags?: string[];
  }[];
}

// The `feed` library's CommonJS line (4.x) only writes JSON Feed 1.0 (singular `author`, no
// `language`); 1.1 is a plain JSON document, so it is built as a typed object instead.
export function buildJsonFeed(channel: FeedChannel, entries: FeedEntry[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.jsonUrl,
    description: channel.description,
    language: channel.language,
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      ...(e.contentHtml !== undefined ? { content_html: e.contentHtml } : {}),
      ...(e.image ? { image: e.image } : {}),
      date_published: e.publishedAt.toISOString(),
      date_modified: e.updatedAt.toISOString(),
      ...(e.authors.length ? { authors: e.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })) } : {}),
      ...(e.tags.length ? { tags: e.tags } : {}),
    })),
  };
}
