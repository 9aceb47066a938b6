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
  return markNonUrlGuids(feed.rss2());
}

// RSS 2.0 reads a guid as a permalink unless told otherwise, and ours are urn:uuid: URIs. The feed
// library has no option for the attribute, so it is added to every guid that is not an http(s) URL.
function markNonUrlGuids(xml: string): string {
  return xml.replace(/<guid>(?!https?:\/\/)/g, '<guid isPermaLink="false">');
}
