/** What both feed formats need to know about the site and a post, already resolved to public URLs. */
export interface FeedChannel {
  title: string;
  description: string;
  homeUrl: string;
  rssUrl: string;
  jsonUrl: string;
  language: string;
  /** Latest change among the entries; keeps the document (and its ETag) stable between changes. */
  updated: Date;
}

export interface FeedEntry {
  /** `urn:uuid:<post id>`: stable across slug changes. */
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string | undefined;
  publishedAt: Date;
  updatedAt: Date;
  authors: { name: string; url: string | null }[];
  tags: string[];
  image: string | null;
}
