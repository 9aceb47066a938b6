import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { PostModel } from '../posts/models/post.model';
import { toPostModel } from '../posts/post.mapper';
import { PostsService } from '../posts/posts.service';
import { TagsService } from '../tags/tags.service';
import { RelatedPostSummary } from './models/related-post.model';
import { RelatedContentRepository } from './related-content.repository';

export const RELATED_LIMIT = { min: 1, max: 10, default: 3 } as const;

/** Related-posts reads over the precomputed lists, shared by REST and GraphQL. */
@Injectable()
export class RelatedContentService {
  constructor(
    private readonly repository: RelatedContentRepository,
    private readonly tags: TagsService,
    private readonly posts: PostsService,
  ) {}

  /** Related posts of many posts at once (one statement), best first; for the GraphQL loader. */
  async relatedForPosts(postIds: readonly string[], limit: number): Promise<Map<string, PostModel[]>> {
    const rows = await this.repository.findTopForPosts(postIds, limit);
    const byPost = new Map<string, PostModel[]>(postIds.map((id) => [id, []]));
    for (const { sourceId, ...row } of rows) byPost.get(sourceId)?.push(toPostModel(row));
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
    const tags = await this.tags.tagsForPosts(posts.map((p) => p.id));
    return posts.map((post) => {
      const postTags = tags.get(post.id) ?? [];
      return {
        id: post.id,
        slug: post.slug,
        title: post.title,
        url: this.posts.urlOf(post.slug),
        excerpt: post.excerpt,
        publishedAt: post.publishedAt,
        readingTime: post.readingTime,
        featureImage: post.featureImage,
        tags: postTags,
        primaryTag: postTags[0] ?? null,
      };
    });
  }
}
