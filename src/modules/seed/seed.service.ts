import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAuthors, seedMedia, seedPosts, seedTags, SeedPost } from '../../../prisma/seed/content/example-content';
import { seedPages, SeedPage } from '../../../prisma/seed/content/example-pages';
import { SeedNavigationItem, seedSettings } from '../../../prisma/seed/content/example-settings';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { projectRoot } from '../../config/project-root';
import { ContentBodyService } from '../content-body/content-body.service';
import { decorateLibraryImages, libraryImageRefs } from '../media/domain/body-images';
import type { Image } from '../media/domain/image';
import { MediaImagesService } from '../media/media-images.service';
import { MediaLibraryService } from '../media/media-library.service';
import { SeedPostRow, SeedRepository, SeedSettingsRow } from './seed.repository';

const DAY_MS = 86_400_000;
const CONTENT_DIR = () => join(projectRoot(), 'prisma', 'seed', 'content');
/** How a body names a seeded image: `](../media/<file>`, relative to posts/ and pages/ (GitHub previews it). */
const MEDIA_REF = /\]\(\.\.\/media\/([A-Za-z0-9._-]+)/g;

/** The example images in the library: by file name, and the ids this run uploaded (to undo if it loses a race). */
interface SeededMedia {
  byFile: Map<string, Image>;
  uploaded: string[];
}

/** Loads the example content (prisma/seed/content) into an empty database. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly repository: SeedRepository,
    private readonly body: ContentBodyService,
    private readonly library: MediaLibraryService,
    private readonly images: MediaImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns true when content was written; an existing database is never touched. */
  async seedIfEmpty(now = new Date()): Promise<boolean> {
    if (!(await this.repository.isEmpty())) return false;
    const media = await this.uploadMedia();
    const pageIds = new Map(seedPages.map((page) => [page.slug, randomUUID()]));
    const written = await this.repository.insertAll({
      authors: seedAuthors.map((a) => ({ slug: a.slug, name: a.name, bio: a.bio, avatarUrl: a.avatarUrl, website: a.website })),
      tags: seedTags.map((t) => ({ slug: t.slug, name: t.name, description: t.description })),
      posts: [
        ...seedPosts.map((post) => this.toRow(post, now, media.byFile)),
        ...seedPages.map((page) => this.pageRow(page, pageIds.get(page.slug)!, media.byFile)),
      ],
      settings: this.settingsRow(pageIds),
    });
    if (!written) {
      // Another instance seeded at the same moment: drop this run's uploads rather than leave orphans.
      for (const id of media.uploaded) await this.library.delete(id, { force: true }, SYSTEM).catch(() => undefined);
      return false;
    }
    this.logger.log(
      `seeded example content: ${seedPosts.length} posts, ${seedPages.length} pages, ${seedTags.length} tags, ${seedAuthors.length} authors, ${seedMedia.length} images, site settings`,
    );
    return true;
  }

  /**
   * Uploads the example images through the media library (variants, placeholder, dominant colour). An
   * image already in the library (same bytes, e.g. from an interrupted earlier run) is reused.
   */
  private async uploadMedia(): Promise<SeededMedia> {
    const files = seedMedia.map((item) => {
      const buffer = readFileSync(join(CONTENT_DIR(), 'media', item.file));
      return { item, buffer, sha256: createHash('sha256').update(buffer).digest('hex') };
    });
    const existing = await this.repository.mediaIdsBySha256(files.map((f) => f.sha256));
    const idByFile = new Map<string, string>();
    const uploaded: string[] = [];
    for (const { item, buffer, sha256 } of files) {
      let id = existing.get(sha256);
      if (!id) {
        id = (await this.library.upload({ buffer, originalname: item.file }, { alt: item.alt, caption: item.caption }, SYSTEM)).id;
        uploaded.push(id);
      }
      idByFile.set(item.file, id);
    }
    const images = await this.images.byIds([...idByFile.values()]);
    return { byFile: new Map([...idByFile].map(([file, id]) => [file, images.get(id)!])), uploaded };
  }

  /** The body's columns, its seeded images pointing at the library and decorated (width, srcset, lazy loading). */
  private bodyColumns(markdownWithRefs: string, customExcerpt: string | null, media: Map<string, Image>) {
    const markdown = markdownWithRefs.replace(MEDIA_REF, (ref, file: string) => {
      const image = media.get(file);
      if (!image) throw new Error(`example content refers to ../media/${file}, which is not in seedMedia`);
      return `](${image.url}`;
    });
    const columns = this.body.toColumns(this.body.render({ format: 'markdown', source: markdown }, customExcerpt));
    const publicUrl = this.config.media.publicUrl;
    const refs = libraryImageRefs(columns.html, publicUrl);
    const byId = new Map([...media.values()].map((image) => [image.mediaId!, image]));
    return {
      markdown,
      ...columns,
      html: decorateLibraryImages(columns.html, byId, publicUrl),
      // The write path records which library items a body shows (post_media); the seed writes rows in bulk.
      bodyMedia: { create: refs.map((id) => ({ media: { connect: { id } } })) },
    };
  }

  /** A page: a document of kind `page`, with no tags or authors. */
  private pageRow(page: SeedPage, id: string, media: Map<string, Image>): SeedPostRow {
    const source = readFileSync(join(CONTENT_DIR(), 'pages', page.bodyFile), 'utf8');
    return {
      tagSlugs: [],
      authorSlugs: [],
      data: {
        id,
        kind: 'page',
        slug: page.slug,
        title: page.title,
        ...this.bodyColumns(source, page.customExcerpt, media),
        customExcerpt: page.customExcerpt,
        status: page.status,
        publishedAt: page.publishedAt ? new Date(page.publishedAt) : null,
        seoTitle: page.seo?.title ?? null,
        seoDescription: page.seo?.description ?? null,
      },
    };
  }

  private toRow(post: SeedPost, now: Date, media: Map<string, Image>): SeedPostRow {
    const source = readFileSync(join(CONTENT_DIR(), 'posts', post.bodyFile), 'utf8');
    const publishedAt =
      post.status === 'SCHEDULED' ? new Date(now.getTime() + (post.publishInDays ?? 30) * DAY_MS) : post.publishedAt ? new Date(post.publishedAt) : null;
    const feature = post.featureImage;
    const featureMedia = feature && 'media' in feature ? media.get(feature.media) : undefined;
    if (feature && 'media' in feature && !featureMedia) throw new Error(`${post.slug}: feature image ${feature.media} is not in seedMedia`);
    const external = feature && 'url' in feature ? feature : null;
    return {
      tagSlugs: post.tags,
      authorSlugs: post.authors,
      data: {
        slug: post.slug,
        title: post.title,
        ...this.bodyColumns(source, post.customExcerpt, media),
        customExcerpt: post.customExcerpt,
        status: post.status,
        publishedAt,
        featured: post.featured,
        // A library feature image brings its own alt and caption; the url/alt/caption columns stay empty.
        ...(featureMedia ? { featureImageMedia: { connect: { id: featureMedia.mediaId! } } } : {}),
        featureImageUrl: external?.url ?? null,
        featureImageAlt: external?.alt ?? null,
        featureImageCaption: external?.caption ?? null,
        seoTitle: post.seo?.title ?? null,
        seoDescription: post.seo?.description ?? null,
      },
    };
  }

  private settingsRow(pageIds: Map<string, string>): SeedSettingsRow {
    const api = this.config.site.apiUrl;
    const menu = (items: SeedNavigationItem[]) =>
      items.map((item) => {
        if ('url' in item) return { label: item.label, url: item.url.replace('{api}', api) };
        const documentId = pageIds.get(item.page);
        if (!documentId) throw new Error(`example settings link the page "${item.page}", which is not in seedPages`);
        return { label: item.label, documentId };
      });
    return {
      accentColor: seedSettings.accentColor,
      social: seedSettings.social,
      primaryNavigation: menu(seedSettings.primaryNavigation),
      secondaryNavigation: menu(seedSettings.secondaryNavigation),
    };
  }
}

/** The seed acts as nobody: no token and no request behind its uploads. */
const SYSTEM = { tokenId: null, requestId: null };
