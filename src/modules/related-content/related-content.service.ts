import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { PostWithRelations } from '../posts/post.mapper';
import { PostsService } from '../posts/posts.service';
import { RelatedPostSummary } from './models/related-post.model';
import { RelatedContentRepository } from './related-content.repository';

export const RELATED_LIMIT = { min: 1, max: 10, default: 3 } as const;

/** Related-posts reads over the precomputed lists, shared by REST and GraphQL. */
@Injectable()
export class RelatedContentService {
  constructor(
    private readonly repository: RelatedContentRepository,
    private readonly posts: PostsService,
  ) {}

  /** Related posts of many posts at once, with their tags and authors (one statement), best first. */
  async relatedForPosts(postIds: readonly string[], limit: number): Promise<Map<string, PostWithRelations[]>> {
    const rows = await this.repository.findTopForPosts(postIds, limit);
    const byPost = new Map<string, PostWithRelations[]>(postIds.map((id) => [id, []]));
    const posts = this.posts.fromRows(rows);
    rows.forEach((row, i) => byPost.get(row.sourceId)?.push(posts[i]));
    return byPost;
  }

  /**
   * The footer list of a visible post by slug; a post's old slug resolves to `{ movedTo }` (REST answers
   * 301, as the post itself does). An unknown, draft or scheduled post is NOT_FOUND.
   */
  async relatedForSlug(slug: string, limit: number): Promise<{ related: RelatedPostSummary[] } | { movedTo: string }> {
    const id = await this.repository.findVisibleId({ slug });
    if (id) return { related: await this.relatedOf(id, limit) };
    const movedTo = await this.posts.currentSlugFor(slug);
    if (movedTo) return { movedTo };
    throw DomainError.notFound(`Post "${slug}"`);
  }

  /** The footer list of one visible post by id; an unknown, draft or scheduled post is NOT_FOUND. */
  async relatedForId(id: string, limit: number): Promise<RelatedPostSummary[]> {
    if (!(await this.repository.findVisibleId({ id }))) throw DomainError.notFound(`Post ${id}`);
    return this.relatedOf(id, limit);
  }

  private async relatedOf(id: string, limit: number): Promise<RelatedPostSummary[]> {
    const posts = (await this.relatedForPosts([id], limit)).get(id) ?? [];
    return posts.map((post) => ({
      id: post.id,
      slug: post.slug,
      title: post.title,
      url: post.url,
      excerpt: post.excerpt,
      publishedAt: post.publishedAt,
      readingTime: post.readingTime,
      featureImage: post.featureImage,
      tags: post.tags,
      primaryTag: post.primaryTag,
    }));
  }
}
