import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAuthors, seedPosts, seedTags, SeedPost } from '../../../prisma/seed/content/example-content';
import { seedPages, SeedPage } from '../../../prisma/seed/content/example-pages';
import { projectRoot } from '../../database/project-root';
import { ContentBodyService } from '../content-body/content-body.service';
import { SeedPostRow, SeedRepository } from './seed.repository';

const DAY_MS = 86_400_000;

/** Loads the example content (prisma/seed/content) into an empty database. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly repository: SeedRepository,
    private readonly body: ContentBodyService,
  ) {}

  /** Returns true when content was written; an existing database is never touched. */
  async seedIfEmpty(now = new Date()): Promise<boolean> {
    if (!(await this.repository.isEmpty())) return false;
    await this.repository.insertAll({
      authors: seedAuthors.map((a) => ({ slug: a.slug, name: a.name, bio: a.bio, avatarUrl: a.avatarUrl, website: a.website })),
      tags: seedTags.map((t) => ({ slug: t.slug, name: t.name, description: t.description })),
      posts: [...seedPosts.map((post) => this.toRow(post, now)), ...seedPages.map((page) => this.pageRow(page))],
    });
    this.logger.log(
      `seeded example content: ${seedPosts.length} posts, ${seedPages.length} pages, ${seedTags.length} tags, ${seedAuthors.length} authors`,
    );
    return true;
  }

  /** A page: a document of kind `page`, with no tags or authors. */
  private pageRow(page: SeedPage): SeedPostRow {
    const markdown = readFileSync(join(projectRoot(), 'prisma', 'seed', 'content', 'pages', page.bodyFile), 'utf8');
    const rendered = this.body.render({ format: 'markdown', source: markdown }, page.customExcerpt);
    return {
      tagSlugs: [],
      authorSlugs: [],
      data: {
        kind: 'page',
        slug: page.slug,
        title: page.title,
        markdown,
        ...this.body.toColumns(rendered),
        customExcerpt: page.customExcerpt,
        status: page.status,
        publishedAt: page.publishedAt ? new Date(page.publishedAt) : null,
        seoTitle: page.seo?.title ?? null,
        seoDescription: page.seo?.description ?? null,
      },
    };
  }

  private toRow(post: SeedPost, now: Date): SeedPostRow {
    const markdown = readFileSync(join(projectRoot(), 'prisma', 'seed', 'content', 'posts', post.bodyFile), 'utf8');
    const rendered = this.body.render({ format: 'markdown', source: markdown }, post.customExcerpt);
    const publishedAt =
      post.status === 'SCHEDULED' ? new Date(now.getTime() + (post.publishInDays ?? 30) * DAY_MS) : post.publishedAt ? new Date(post.publishedAt) : null;
    return {
      tagSlugs: post.tags,
      authorSlugs: post.authors,
      data: {
        slug: post.slug,
        title: post.title,
        markdown,
        ...this.body.toColumns(rendered),
        customExcerpt: post.customExcerpt,
        status: post.status,
        publishedAt,
        featured: post.featured,
        featureImageUrl: post.featureImage?.url ?? null,
        featureImageAlt: post.featureImage?.alt ?? null,
        featureImageCaption: post.featureImage?.caption ?? null,
        seoTitle: post.seo?.title ?? null,
        seoDescription: post.seo?.description ?? null,
      },
    };
  }
}
