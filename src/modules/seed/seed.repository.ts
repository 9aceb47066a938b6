import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

export interface SeedPostRow {
  data: Omit<Prisma.PostCreateInput, 'tags' | 'authors'>;
  tagSlugs: string[];
  authorSlugs: string[];
}

export type SeedSettingsRow = Pick<
  Prisma.SiteSettingsUpdateInput,
  'accentColor' | 'social' | 'primaryNavigation' | 'secondaryNavigation'
>;

/** Writes the example content; everything keyed by slug, so a second run cannot duplicate. */
@Injectable()
export class SeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isEmpty(): Promise<boolean> {
    const [posts, tags, authors] = await Promise.all([this.prisma.post.count(), this.prisma.tag.count(), this.prisma.author.count()]);
    return posts + tags + authors === 0;
  }

  /** Library items already holding one of these uploads (by the sha256 of the uploaded bytes): sha256 → id. */
  async mediaIdsBySha256(hashes: readonly string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.prisma.media.findMany({
      where: { sha256: { in: [...hashes] } },
      select: { id: true, sha256: true },
      orderBy: { createdAt: 'asc' },
    });
    const found = new Map<string, string>();
    for (const row of rows) if (!found.has(row.sha256)) found.set(row.sha256, row.id);
    return found;
  }

  /** Returns false (writing nothing) when another seeder got there first. */
  async insertAll(input: {
    authors: Prisma.AuthorCreateInput[];
    tags: Prisma.TagCreateInput[];
    posts: SeedPostRow[];
    settings: SeedSettingsRow;
  }): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // Serialise concurrent seeders (two instances starting at once) on one advisory lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7201)`;
      if ((await tx.post.count()) > 0) return false;
      for (const author of input.authors) {
        await tx.author.upsert({ where: { slug: author.slug }, create: author, update: {} });
      }
      for (const tag of input.tags) {
        await tx.tag.upsert({ where: { slug: tag.slug }, create: tag, update: {} });
      }
      for (const post of input.posts) {
        await tx.post.create({
          data: {
            ...post.data,
            tags: { create: post.tagSlugs.map((slug, position) => ({ position, tag: { connect: { slug } } })) },
            authors: { create: post.authorSlugs.map((slug, position) => ({ position, author: { connect: { slug } } })) },
          },
          select: { id: true },
        });
      }
      // The single settings row exists from its migration; the seed fills it without an audit entry
      // (no editor changed it, and no webhook should announce example content).
      await tx.siteSettings.update({ where: { id: true }, data: { ...input.settings, updatedAt: new Date() }, select: { id: true } });
      // Related lists are computed by the background refresh once this commits (RelatedRefreshWorker).
      await tx.$executeRaw`SELECT queue_all_related_refresh()`;
      return true;
      // A bulk load: Prisma's 5 s default expires it on a busy machine, leaving a half-seeded database.
    }, { maxWait: 30_000, timeout: 120_000 });
  }
}
