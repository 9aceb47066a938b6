import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { publishedPostWhere } from '../../database/published-post.where';
import type { Prisma, PostStatus } from '../../generated/prisma/client';
import { BodyFormatName, PostListFilter, PostOrderSpec } from './domain/post-listing';

/** Columns every post listing needs; body columns are added only when asked for. */
export const POST_SUMMARY_SELECT = {
  id: true,
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
  canonicalUrl: true,
  seoTitle: true,
  seoDescription: true,
  ogImage: true,
  twitterImage: true,
} satisfies Prisma.PostSelect;

export type PostSummaryRow = Prisma.PostGetPayload<{ select: typeof POST_SUMMARY_SELECT }>;
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

/** The listing filters shared by public and editor lists (tags and authors: any of the slugs). */
function filterConditions(filter: PostListFilter): Prisma.PostWhereInput[] {
  const and: Prisma.PostWhereInput[] = [];
  if (filter.tags?.length) and.push({ tags: { some: { tag: { slug: { in: filter.tags } } } } });
  if (filter.authors?.length) and.push({ authors: { some: { author: { slug: { in: filter.authors } } } } });
  if (filter.featured !== undefined) and.push({ featured: filter.featured });
  if (filter.publishedAfter) and.push({ publishedAt: { gt: filter.publishedAfter } });
  if (filter.publishedBefore) and.push({ publishedAt: { lt: filter.publishedBefore } });
  return and;
}

@Injectable()
export class PostsRepository {
  constructor(private readonly prisma: PrismaService) {}

  private publicWhere(filter: PostListFilter, now: Date): Prisma.PostWhereInput {
    return { AND: [publishedPostWhere(now), ...filterConditions(filter)] };
  }

  /** One page of published posts; `bound` switches to keyset pagination. Returns up to `take` rows. */
  findPublishedPage(args: {
    filter: PostListFilter;
    order: PostOrderSpec;
    take: number;
    skip?: number;
    bound?: KeysetBound;
    formats?: readonly BodyFormatName[];
    now?: Date;
  }): Promise<PostRow[]> {
    const now = args.now ?? new Date();
    const { field, direction } = args.order;
    // Reading "before" a bound walks the list backwards; the service reverses the rows again.
    const reverse = args.bound?.direction === 'before';
    const dir = (reverse ? (direction === 'asc' ? 'desc' : 'asc') : direction) as Prisma.SortOrder;
    const where: Prisma.PostWhereInput = { AND: [this.publicWhere(args.filter, now)] };
    if (args.bound) {
      const op = dir === 'desc' ? 'lt' : 'gt';
      (where.AND as Prisma.PostWhereInput[]).push({
        OR: [{ [field]: { [op]: args.bound.value } }, { [field]: args.bound.value, id: { [op]: args.bound.id } }],
      });
    }
    return this.prisma.post.findMany({
      where,
      select: { ...POST_SUMMARY_SELECT, ...bodySelect(args.formats ?? [], false) },
      orderBy: [{ [field]: dir }, { id: dir }],
      skip: args.skip,
      take: args.take,
    });
  }

  countPublished(filter: PostListFilter, now = new Date()): Promise<number> {
    return this.prisma.post.count({ where: this.publicWhere(filter, now) });
  }

  findPublishedById(id: string, formats: readonly BodyFormatName[], now = new Date()): Promise<PostRow | null> {
    return this.prisma.post.findFirst({
      where: { id, ...publishedPostWhere(now) },
      select: { ...POST_SUMMARY_SELECT, ...bodySelect(formats, true) },
    });
  }

  findPublishedBySlug(slug: string, formats: readonly BodyFormatName[], now = new Date()): Promise<PostRow | null> {
    return this.prisma.post.findFirst({
      where: { slug, ...publishedPostWhere(now) },
      select: { ...POST_SUMMARY_SELECT, ...bodySelect(formats, true) },
    });
  }

  /** The current slug of a published post that used to be reachable under `oldSlug`. */
  async findCurrentSlugFor(oldSlug: string, now = new Date()): Promise<string | null> {
    const entry = await this.prisma.postSlugHistory.findUnique({
      where: { slug: oldSlug },
      select: { post: { select: { slug: true, status: true, publishedAt: true } } },
    });
    const post = entry?.post;
    return post && post.status === 'PUBLISHED' && post.publishedAt && post.publishedAt <= now ? post.slug : null;
  }

  /** Body columns of many published posts in one statement (GraphQL body fields). */
  findPublishedBodies(ids: readonly string[], now = new Date()) {
    return this.prisma.post.findMany({
      where: { id: { in: [...ids] }, ...publishedPostWhere(now) },
      select: { id: true, html: true, plaintext: true, markdown: true, toc: true },
    });
  }

  countAll(): Promise<number> {
    return this.prisma.post.count();
  }

  // Editor (admin) reads: any status. Callers are guarded by the content:read scope.

  private adminWhere(filter: PostListFilter, statuses?: readonly PostStatus[]): Prisma.PostWhereInput {
    const byStatus: Prisma.PostWhereInput[] = statuses?.length ? [{ status: { in: [...statuses] } }] : [];
    return { AND: [...byStatus, ...filterConditions(filter)] };
  }

  /** One page of posts of any status; drafts (no publishedAt) sort after dated posts. */
  findAdminPage(args: {
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
      where: this.adminWhere(args.filter, args.statuses),
      select: { ...POST_SUMMARY_SELECT, ...bodySelect(args.formats ?? [], false) },
      orderBy: [...orderBy, { id: direction }],
      skip: args.skip,
      take: args.take,
    });
  }

  countAdmin(filter: PostListFilter, statuses?: readonly PostStatus[]): Promise<number> {
    return this.prisma.post.count({ where: this.adminWhere(filter, statuses) });
  }

  findAnyById(id: string, formats: readonly BodyFormatName[]): Promise<PostRow | null> {
    return this.prisma.post.findUnique({ where: { id }, select: { ...POST_SUMMARY_SELECT, ...bodySelect(formats, true) } });
  }

  findAnyBodies(ids: readonly string[]) {
    return this.prisma.post.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, html: true, plaintext: true, markdown: true, toc: true },
    });
  }
}
