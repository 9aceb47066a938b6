import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { documentUrlFor } from '../posts/domain/post-url';
import { PostsService } from '../posts/posts.service';
import { completePostEventData, isCompleted, isPostEventData, PostEventData } from './domain/webhook-events';

/**
 * Finishes a queued event's payload before its first send. The trigger captured the post's id, slug,
 * status and version in the writing transaction; here the URLs are added and, for a published post,
 * its public representation, but only while the post is still at the captured version, so a delivery
 * never describes a later state than its event. The result is stored, so retries send the same bytes.
 */
@Injectable()
export class WebhookPayloadsService {
  constructor(
    private readonly posts: PostsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The payload to send, or null when the stored one is already complete. */
  async complete(event: string, payload: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const data = payload.data;
    if (!isPostEventData(data) || isCompleted(data)) return null;
    const post = data.status === 'PUBLISHED' ? await this.publicPost(data) : undefined;
    const urlOf = (slug: string) => documentUrlFor(this.config.site, data.type, slug);
    return { ...payload, data: completePostEventData(event, data, urlOf, post) };
  }

  private async publicPost(data: PostEventData): Promise<unknown> {
    try {
      const [post] = await this.posts.withRelations([await this.posts.getPublishedById(data.id, ['html'], data.type)], data.type);
      return post.version === data.version ? post : undefined;
    } catch (error) {
      // Unpublished or deleted since: a later event says so.
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return undefined;
      throw error;
    }
  }
}
