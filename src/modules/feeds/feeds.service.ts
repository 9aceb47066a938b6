import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PostsService, PostWithRelations } from '../posts/posts.service';
import { SettingsService } from '../settings/settings.service';
import { TagsService } from '../tags/tags.service';
import { FeedChannel, FeedEntry } from './domain/feed-entry';
import { buildJsonFeed, JsonFeed } from './domain/json-feed';
import { buildPostUrl, siteHome } from '../posts/domain/post-url';
import { renderRss } from './domain/rss-feed';
import { renderSitemap, SitemapEntry } from './domain/sitemap';

export const FEED_SIZE = 20;

/** Feeds (published posts only) and the sitemap (posts and pages), URLs on the public site (SITE_URL + POST_URL_PATTERN). */
@Injectable()
export class FeedsService {
  constructor(
    private readonly posts: PostsService,
    private readonly tags: TagsService,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rss(tagSlug?: string): Promise<string> {
    const { channel, entries } = await this.latest(tagSlug);
    return renderRss(channel, entries);
  }

  async jsonFeed(tagSlug?: string): Promise<JsonFeed> {
    const { channel, entries } = await this.latest(tagSlug);
    return buildJsonFeed(channel, entries);
  }

  /** Every published post and page (lastmod = updatedAt), newest first, after the home page; one statement. */
  async sitemap(): Promise<string> {
    const entries: SitemapEntry[] = [{ url: siteHome(this.config.site.url) }];
    for (const doc of await this.posts.sitemapUrls()) entries.push({ url: doc.url, lastmod: doc.updatedAt });
    return renderSitemap(entries);
  }

  private async latest(tagSlug?: string): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
    // Throws NOT_FOUND for an unknown tag before any post is read.
    const tag = tagSlug ? await this.tags.getPublicBySlug(tagSlug) : null;
    const [result, site] = await Promise.all([
      this.posts.listPublished(
        { filter: tag ? { tags: [tag.slug] } : {}, order: 'publishedAt:desc', page: { mode: 'cursor', limit: FEED_SIZE, cursor: null } },
        ['html'],
      ),
      // The site as edited in the settings (else SITE_TITLE, SITE_DESCRIPTION, SITE_LOCALE); settings edits
      // bump the content generation, so cached feeds follow.
      this.settings.identity(),
    ]);
    const entries = result.items.map((post) => this.entryOf(post));
    const query = tag ? `?tag=${encodeURIComponent(tag.slug)}` : '';
    const channel: FeedChannel = {
      title: tag ? `${tag.name} · ${site.title}` : site.title,
      description: tag ? (tag.description ?? `Posts tagged ${tag.name}`) : site.description || 'Latest posts',
      homeUrl: siteHome(this.config.site.url),
      rssUrl: `${this.config.site.apiUrl}/api/feed.xml${query}`,
      jsonUrl: `${this.config.site.apiUrl}/api/feed.json${query}`,
      language: site.locale,
      updated: new Date(Math.max(0, ...entries.map((e) => e.updatedAt.getTime()))),
    };
    return { channel, entries };
  }

  private entryOf(post: PostWithRelations): FeedEntry {
    return {
      id: `urn:uuid:${post.id}`,
      url: this.postUrl(post.slug),
      title: post.title,
      summary: post.excerpt,
      contentHtml: post.html,
      publishedAt: post.publishedAt ?? post.updatedAt,
      updatedAt: post.updatedAt,
      authors: post.authors.map((a) => ({ name: a.name, url: a.website })),
      tags: post.tags.map((t) => t.name),
      image: post.featureImage?.url ?? null,
    };
  }

  private postUrl(slug: string): string {
    return buildPostUrl(this.config.site.url, this.config.site.postUrlPattern, slug);
  }
}
