import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { publishedPostWhere } from '../../database/published-post.where';
import type { Prisma } from '../../generated/prisma/client';

const tagSelect = (now: Date) =>
  ({
    id: true,
    slug: true,
    name: true,
    description: true,
    _count: { select: { posts: { where: { post: publishedPostWhere(now) } } } },
  }) satisfies Prisma.TagSelect;

export type TagRow = Prisma.TagGetPayload<{ select: ReturnType<typeof tagSelect> }>;

/** The editor's view of a tag: the public fields plus the timestamps its ETag is made of. */
export const adminTagSelect = (now: Date) =>
  ({ ...tagSelect(now), createdAt: true, updatedAt: true }) satisfies Prisma.TagSelect;

export type AdminTagRow = Prisma.TagGetPayload<{ select: ReturnType<typeof adminTagSelect> }>;

/** Public tag reads: only tags that label at least one published post. */
@Injectable()
export class TagsRepository {
  constructor(private readonly prisma: PrismaService) {}

  private visible(now: Date): Prisma.TagWhereInput {
    return { posts: { some: { post: publishedPostWhere(now) } } };
  }

  async findPublicPage(skip: number, take: number, now = new Date()): Promise<{ rows: TagRow[]; total: number }> {
    const where = this.visible(now);
    const [rows, total] = await Promise.all([
      this.prisma.tag.findMany({ where, select: tagSelect(now), orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.tag.count({ where }),
    ]);
    return { rows, total };
  }

  findPublicById(id: string, now = new Date()): Promise<TagRow | null> {
    return this.prisma.tag.findFirst({ where: { id, ...this.visible(now) }, select: tagSelect(now) });
  }

  findPublicBySlug(slug: string, now = new Date()): Promise<TagRow | null> {
    return this.prisma.tag.findFirst({ where: { slug, ...this.visible(now) }, select: tagSelect(now) });
  }

  /** Every tag, used or not (editor view), by name. */
  async findAllPage(skip: number, take: number, now = new Date()): Promise<{ rows: AdminTagRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.tag.findMany({ select: adminTagSelect(now), orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take }),
      this.prisma.tag.count(),
    ]);
    return { rows, total };
  }

  findAnyById(id: string, now = new Date()): Promise<AdminTagRow | null> {
    return this.prisma.tag.findUnique({ where: { id }, select: adminTagSelect(now) });
  }

  /** Tags of many posts in one statement, in each post's order (for lists and DataLoaders). */
  async findByPostIds(postIds: readonly string[], now = new Date()): Promise<Map<string, TagRow[]>> {
    const links = await this.prisma.postTag.findMany({
      where: { postId: { in: [...postIds] } },
      orderBy: [{ postId: 'asc' }, { position: 'asc' }],
      select: { postId: true, tag: { select: tagSelect(now) } },
    });
    const byPost = new Map<string, TagRow[]>(postIds.map((id) => [id, []]));
    for (const link of links) byPost.get(link.postId)?.push(link.tag);
    return byPost;
  }
}
