import { Feed } from 'feed';
import { FeedChannel, FeedEntry } from './feed-entry';

/** RSS 2.0 (with content:encoded and atom:link self), written by the `feed` library. */
export function renderRss(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = new Feed({
    id: channel.homeUrl,
    title: channel.title,
    description: channel.description,
    link: channel.homeUrl,
    language: channel.language,
    updated: channel.updated,
    generator: 'Byline',
    copyright: '',
    feedLinks: { rss: channel.rssUrl, json: channel.jsonUrl },
  });
  for (const entry of entries) {
    feed.addItem({
      // A urn:uuid guid, not the URL: it must survive a slug change and still be a full URI.
      id: entry.id,
      title: entry.title,
      link: entry.url,
      description: entry.summary,
      content: entry.contentHtml,
      date: entry.publishedAt,
      author: entry.authors.map((a) => ({ name: a.name, link: a.url ?? undefined })),
      category: entry.tags.map((name) => ({ name })),
      image: entry.image ?? undefined,
    });
  }
  return feed.rss2();
}
