import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { sqlRows } from '../../database/sql-rows';
import { Prisma, type PostStatus } from '../../generated/prisma/client';
import type { PostIdsRow, PostReadRow } from './data/post-read-model';
import { PostRowsReader } from './data/post-rows-read-model';
import {
  currentSlugSql,
  publishedBodiesSql,
  publishedCountSql,
  publishedOneSql,
  publishedPageSql,
  publishedUrlsSql,
} from './data/post-reads.sql';
import type { MediaImageRow } from '../media/domain/image';
import type { DocumentKind } from './domain/document-kind';
import { BodyFormatName, PostListFilter, PostOrderSpec } from './domain/post-listing';

/** Columns the editor's post reads need; body columns are added only when asked for. */
export const POST_SUMMARY_SELECT = {
  id: true,
  kind: true,
  slug: true,
  title: true,
  excerpt: true,
  customExcerpt: true,
  status: true,
  featured: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  wordCount: true,
  imageCount: true,
  readingTimeSeconds: true,
  readingTimeMinutes: true,
  featureImageUrl: true,
  featureImageAlt: true,
  featureImageCaption: true,
  featureImageMediaId: true,
  // The same MediaImageRow shape the public reads select with mediaImageJson.
  featureImageMedia: {
    select: {
      id: true, storageKey: true, mimeType: true, width: true, height: true, alt: true, caption: true,
      focalX: true, focalY: true, placeholder: true, dominantColor: true, variants: true,
    },
  },
  canonicalUrl: true,
  seoTitle: true,
  seoDescription: true,
  ogImage: true,
  twitterImage: true,
} satisfies Prisma.PostSelect;

/** An editor-side row (Prisma types); public reads use PostReadRow from data/post-read-model.ts. */
// The library image's `variants` column is JSON to Prisma; it holds StoredVariant[] (see the media module).
export type PostSummaryRow = Omit<Prisma.PostGetPayload<{ select: typeof POST_SUMMARY_SELECT }>, 'featureImageMedia'> & {
  featureImageMedia: MediaImageRow | null;
};
export type PostBodyRow = { html?: string; plaintext?: string; markdown?: string | null; toc?: Prisma.JsonValue };
export type PostRow = PostSummaryRow & PostBodyRow;

export interface KeysetBound {
  value: Date | string;
  id: string;
  /** Rows strictly after (in list order) or strictly before the bound. */
  direction: 'after' | 'before';
}

function bodySelect(formats: readonly BodyFormatName[], withToc: boolean) {
  return {
    html: formats.includes('html'),
    plaintext: formats.includes('plaintext'),
    markdown: formats.includes('markdown'),
    toc: withToc,
  };
}

/** The listing filters of the editor API (tags and authors: any of the slugs). */
function filterConditions(filter: PostListFilter): Prisma.PostWhereInput[] {
  const and: Prisma.PostWhereInput[] = [];
  if (filter.tags?.length) and.push({ tags: { some: { tag: { slug: { in: filter.tags } } } } });
  if (filter.authors?.length) and.push({ authors: { some: { author: { slug: { in: filter.authors } } } } });
  if (filter.featured !== undefined) and.push({ featured: filter.featured });
  if (filter.publishedAfter) and.push({ publishedAt: { gt: filter.publishedAfter } });
  if (filter.publishedBefore) and.push({ publishedAt: { lt: filter.publishedBefore } });
  return and;
}

/** Post reads: public ones as SQL on the read pool (see data/post-read-model.ts), editor ones through Prisma. */
@Injectable()
export class PostsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postRows: PostRowsReader,
  ) {}

  /** One page of published posts with tags and authors; `bound` switches to keyset pagination. */
  findPublishedPage(args: {
    kind: DocumentKind;
    filter: PostListFilter;
    order: PostOrderSpec;
    take: number;
    skip?: number;
    bound?: KeysetBound;
    formats?: readonly BodyFormatName[];
    now?: Date;
  }): Promise<PostReadRow[]> {
    const now = args.now ?? new Date();
    return this.postRows.read<PostIdsRow>(publishedPageSql({ ...args, now }), now);
  }

  /**
   * A page and the number of matching documents in one statement (one round trip per list request).
   * A page past the end has no row to carry the total, so that case counts on its own.
   */
  async findPublishedPageWithTotal(args: Parameters<PostsRepository['findPublishedPage']>[0]): Promise<{ rows: PostReadRow[]; total: number }> {
    const now = args.now ?? new Date();
    const rows = await this.postRows.read<PostIdsRow & { pageTotal?: number }>(publishedPageSql({ ...args, now, withTotal: true }), now);
    if (rows.length === 0) return { rows, total: await this.countPublished(args.kind, args.filter, now) };
    const total = Number(rows[0].pageTotal);
    for (const row of rows) delete row.pageTotal;
    return { rows, total };
  }

  async countPublished(kind: DocumentKind, filter: PostListFilter, now = new Date()): Promise<number> {
    const [row] = await sqlRows<{ total: number }>(this.prisma.readPool, publishedCountSql(kind, filter, now));
    return row.total;
  }

  async findPublishedById(kind: DocumentKind, id: string, formats: readonly BodyFormatName[], now = new Date()): Promise<PostReadRow | null> {
    const [row] = await this.postRows.read<PostIdsRow>(publishedOneSql(kind, Prisma.sql`p.id = ${id}::uuid`, formats, now), now);
    return row ?? null;
  }

  async findPublishedBySlug(kind: DocumentKind, slug: string, formats: readonly BodyFormatName[], now = new Date()): Promise<PostReadRow | null> {
    const [row] = await this.postRows.read<PostIdsRow>(publishedOneSql(kind, Prisma.sql`p.slug = ${slug}`, formats, now), now);
    return row ?? null;
  }

  /** The current slug of a published post that used to be reachable under `oldSlug`. */
  async findCurrentSlugFor(kind: DocumentKind, oldSlug: string, now = new Date()): Promise<string | null> {
    const [row] = await sqlRows<{ slug: string }>(this.prisma.readPool, currentSlugSql(kind, oldSlug, now));
    return row?.slug ?? null;
  }

  /** Body columns of many published posts in one statement (GraphQL body fields). */
  findPublishedBodies(ids: readonly string[], now = new Date()): Promise<Array<Required<PostBodyRow> & { id: string }>> {
    return sqlRows(this.prisma.readPool, publishedBodiesSql(ids, now));
  }

  /** Kind, slug and last change of every public document of the given kinds, newest first (the sitemap). */
  findPublishedUrls(kinds: readonly DocumentKind[], now = new Date()): Promise<Array<{ kind: DocumentKind; slug: string; updatedAt: Date }>> {
    return sqlRows(this.prisma.readPool, publishedUrlsSql(kinds, now));
  }

  countAll(): Promise<number> {
    return this.prisma.post.count();
  }

  // Editor (admin) reads: any status. Callers are guarded by the content:read scope.

  private adminWhere(kind: DocumentKind, filter: PostListFilter, statuses?: readonly PostStatus[]): Prisma.PostWhereInput {
    const byStatus: Prisma.PostWhereInput[] = statuses?.length ? [{ status: { in: [...statuses] } }] : [];
    return { AND: [{ kind }, ...byStatus, ...filterConditions(filter)] };
  }

  /** One page of posts of any status; drafts (no publishedAt) sort after dated posts. */
  findAdminPage(args: {
    kind: DocumentKind;
    filter: PostListFilter;
    statuses?: readonly PostStatus[];
    order: PostOrderSpec;
    take: number;
    skip: number;
    formats?: readonly BodyFormatName[];
  }): Promise<PostRow[]> {
    const { field, direction } = args.order;
    const orderBy: Prisma.PostOrderByWithRelationInput[] =
      field === 'publishedAt' ? [{ publishedAt: { sort: direction, nulls: 'last' } }, { updatedAt: 'desc' }] : [{ [field]: direction }];
    return this.prisma.post.findMany({
      where: this.adminWhere(args.kind, args.filter, args.statuses),
      select: { ...POST_SUMMARY_SELECT, ...bodySelect(args.formats ?? [], false) },
      orderBy: [...orderBy, { id: direction }],
      skip: args.skip,
      take: args.take,
    }) as Promise<PostRow[]>;
  }

  countAdmin(kind: DocumentKind, filter: PostListFilter, statuses?: readonly PostStatus[]): Promise<number> {
    return this.prisma.post.count({ where: this.adminWhere(kind, filter, statuses) });
  }

  /** A document of `kind` in any status (a page is not found as a post, and the other way round). */
  findAnyById(kind: DocumentKind, id: string, formats: readonly BodyFormatName[]): Promise<PostRow | null> {
    return this.prisma.post.findUnique({ where: { id, kind }, select: { ...POST_SUMMARY_SELECT, ...bodySelect(formats, true) } }) as Promise<PostRow | null>;
  }

  findAnyBodies(ids: readonly string[]) {
    return this.prisma.post.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, html: true, plaintext: true, markdown: true, toc: true },
    });
  }
}
