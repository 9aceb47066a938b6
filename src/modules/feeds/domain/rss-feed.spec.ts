import { FeedEntry } from './feed-entry';
import { renderRss } from './rss-feed';

const channel = {
  title: 'Byline',
  description: 'Posts',
  homeUrl: 'https://blog.example/',
  rssUrl: 'https://blog.example/api/feed.xml',
  jsonUrl: 'https://blog.example/api/feed.json',
  language: 'en',
  updated: new Date('2026-01-02T00:00:00Z'),
};
const entry = (id: string): FeedEntry => ({
  id,
  url: 'https://blog.example/hello/',
  title: 'Hello',
  summary: 'Hi',
  contentHtml: undefined,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  authors: [],
  tags: [],
  image: null,
});

describe('renderRss', () => {
  it('marks a urn:uuid guid as not a permalink', () => {
    const xml = renderRss(channel, [entry('urn:uuid:5d0b2c5e-8f1a-4c1e-9a55-0c6f7e0c2b11')]);
    expect(xml).toContain('<guid isPermaLink="false">urn:uuid:5d0b2c5e-8f1a-4c1e-9a55-0c6f7e0c2b11</guid>');
  });

  it('leaves a URL guid a permalink', () => {
    const xml = renderRss(channel, [entry('https://blog.example/hello/')]);
    expect(xml).toContain('<guid>https://blog.example/hello/</guid>');
  });
});
