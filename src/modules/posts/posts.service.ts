import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import { AuthorsService } from '../authors/authors.service';
import { TagsService } from '../tags/tags.service';
import { toKeysetBound } from './domain/keyset-bound';
import { BodyFormatName, parsePostOrder, PostListOptions } from './domain/post-listing';
import { PostBody, PostModel, TocEntry } from './models/post.model';
import { PostWithRelations, toPostModel, toPostWithRelations } from './post.mapper';
import { MediaImagesService } from '../media/media-images.service';
import type { PostRow } from './data/post-read-model';
import { KeysetBound, PostsRepository } from './posts.repository';
import type { PostReadRow } from './data/post-read-model';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DOCUMENT_KINDS, type DocumentKind, SITEMAP_KINDS } from './domain/document-kind';
import { documentUrlFor } from './domain/post-url';

export type { PostWithRelations } from './post.mapper';

export type PostLookup = { post: PostWithRelations } | { movedTo: string };

/** Public (published-only) post reads, shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly tags: TagsService,
    private readonly authors: AuthorsService,
    private readonly images: MediaImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The output model of a stored row (editor reads); public reads get their relations too (fromRows). */
  toModel(row: PostRow): PostModel {
    return toPostModel(row, this.images);
  }

  /** Where a document lives on the website. */
  urlOf(slug: string, kind: DocumentKind = 'post'): string {
    return documentUrlFor(this.config.site, kind, slug);
  }

  /** Maps public read rows (tags and authors included by the same statement) and adds their URLs. */
  fromRows(rows: PostReadRow[]): PostWithRelations[] {
    return rows.map((row) => toPostWithRelations(row, this.config.site, this.images));
  }

  async listPublished(options: PostListOptions, formats: readonly BodyFormatName[] = []): Promise<Paginated<PostWithRelations>> {
    const order = parsePostOrder(options.order);
    const { page } = options;
    const kind = options.kind ?? 'post';
    if (page.mode === 'page') {
      const { rows, total } = await this.posts.findPublishedPageWithTotal({
        kind, filter: options.filter, order, take: page.limit, skip: (page.page - 1) * page.limit, formats,
      });
      return { items: this.fromRows(rows), total, page: pageMeta(page.limit, page.page, total) };
    }

    const cursor = page.cursor ? decodeCursor(page.cursor, options.order) : null;
    const bound: KeysetBound | undefined = cursor ? toKeysetBound(cursor, order.field) : undefined;
    const pageArgs = { kind, filter: options.filter, order, take: page.limit + 1, bound, formats };
    const { rows, total } = options.withTotal
      ? await this.posts.findPublishedPageWithTotal(pageArgs)
      : { rows: await this.posts.findPublishedPage(pageArgs), total: undefined };
    const extra = rows.length > page.limit;
    const pageRows = rows.slice(0, page.limit);
    if (bound?.direction === 'before') pageRows.reverse();
    const items = this.fromRows(pageRows);
    const goingBack = bound?.direction === 'before';
    const first = items[0];
    const last = items.at(-1);
    return {
      items,
      total,
      cursor: {
        limit: page.limit,
        hasMore: goingBack ? true : extra,
        nextCursor: last && (goingBack || extra) ? this.cursorFor(last, options.order, 'after') : null,
        prevCursor: first && (goingBack ? extra : bound !== undefined) ? this.cursorFor(first, options.order, 'before') : null,
      },
    };
  }

  /** The opaque cursor pointing just past `post` in `order` (GraphQL edges use it too). */
  cursorFor(post: PostModel, order: PostListOptions['order'], direction: 'after' | 'before' = 'after'): string {
    const { field } = parsePostOrder(order);
    const value = field === 'title' ? post.title : (post[field]?.toISOString() ?? null);
    return encodeCursor({ order, value, id: post.id, direction });
  }

  async getPublishedById(id: string, formats: readonly BodyFormatName[] = ['html'], kind: DocumentKind = 'post'): Promise<PostWithRelations> {
    const row = await this.posts.findPublishedById(kind, id, formats);
    if (!row) throw DomainError.notFound(`${DOCUMENT_KINDS[kind].label} ${id}`);
    return toPostWithRelations(row, this.config.site, this.images);
  }

  /** By slug; an old slug of a published document resolves to `{ movedTo }` (REST answers 301). */
  async findPublishedBySlug(slug: string, formats: readonly BodyFormatName[] = ['html'], kind: DocumentKind = 'post'): Promise<PostLookup> {
    const row = await this.posts.findPublishedBySlug(kind, slug, formats);
    if (row) return { post: toPostWithRelations(row, this.config.site, this.images) };
    const current = await this.posts.findCurrentSlugFor(kind, slug);
    if (current) return { movedTo: current };
    throw DomainError.notFound(`${DOCUMENT_KINDS[kind].label} "${slug}"`);
  }

  /** The current slug of a published post that used to be at `oldSlug`, or null. */
  currentSlugFor(oldSlug: string): Promise<string | null> {
    return this.posts.findCurrentSlugFor('post', oldSlug);
  }

  async getPublishedBySlug(slug: string, formats: readonly BodyFormatName[] = ['html'], kind: DocumentKind = 'post'): Promise<PostWithRelations> {
    const found = await this.findPublishedBySlug(slug, formats, kind);
    return 'post' in found ? found.post : this.getPublishedBySlug(found.movedTo, formats, kind);
  }

  /** Body formats of many posts in one query, keyed by id (for GraphQL's on-demand body fields). */
  async bodiesOf(ids: readonly string[]): Promise<Map<string, PostBody>> {
    const rows = await this.posts.findPublishedBodies(ids);
    return new Map(
      rows.map((r) => [r.id, { html: r.html, plaintext: r.plaintext, markdown: r.markdown, toc: r.toc as unknown as TocEntry[] }]),
    );
  }

  /** Site URL and last change of every public document in the sitemap (posts and pages), newest first; one statement. */
  async sitemapUrls(): Promise<Array<{ url: string; updatedAt: Date }>> {
    const rows = await this.posts.findPublishedUrls(SITEMAP_KINDS);
    return rows.map((row) => ({ url: this.urlOf(row.slug, row.kind), updatedAt: row.updatedAt }));
  }

  /** Adds ordered tags and authors to editor-side posts (two statements for any number of posts). */
  async withRelations(posts: PostModel[], kind: DocumentKind = 'post'): Promise<PostWithRelations[]> {
    if (!DOCUMENT_KINDS[kind].labels) return posts.map((post) => ({ ...post, url: this.urlOf(post.slug, kind) }) as PostWithRelations);
    const ids = posts.map((p) => p.id);
    const [tags, authors] = await Promise.all([this.tags.tagsForPosts(ids), this.authors.authorsForPosts(ids)]);
    return posts.map((post) => {
      const postTags = tags.get(post.id) ?? [];
      const postAuthors = authors.get(post.id) ?? [];
      return {
        ...post,
        url: this.urlOf(post.slug),
        tags: postTags,
        primaryTag: postTags[0] ?? null,
        authors: postAuthors,
        primaryAuthor: postAuthors[0] ?? null,
      };
    });
  }
}
