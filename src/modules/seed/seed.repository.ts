import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

export interface SeedPostRow {
  data: Omit<Prisma.PostCreateInput, 'tags' | 'authors'>;
  tagSlugs: string[];
  authorSlugs: string[];
}

/** Writes the example content; everything keyed by slug, so a second run cannot duplicate. */
@Injectable()
export class SeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  async isEmpty(): Promise<boolean> {
    const [posts, tags, authors] = await Promise.all([this.prisma.post.count(), this.prisma.tag.count(), this.prisma.author.count()]);
    return posts + tags + authors === 0;
  }

  async insertAll(input: {
    authors: Prisma.AuthorCreateInput[];
    tags: Prisma.TagCreateInput[];
    posts: SeedPostRow[];
  }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Serialise concurrent seeders (two instances starting at once) on one advisory lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7201)`;
      if ((await tx.post.count()) > 0) return;
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
        });
      }
      await tx.$executeRaw`SELECT refresh_all_related_posts()`;
    }, { maxWait: 30_000, timeout: 120_000 }); // a busy machine must not fail a one-off seed at Prisma's 5 s default
  }
}
