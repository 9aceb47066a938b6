import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { PostWithRelations } from '../posts/post.mapper';
import { RelatedContentService } from './related-content.service';

export interface RelatedKey {
  postId: string;
  limit: number;
}

export interface RelatedLoaders {
  related: DataLoader<RelatedKey, PostWithRelations[], string>;
}

/** Per-request batcher for Post.related: one statement per request, whatever the page size or limits. */
@Injectable()
export class RelatedLoadersFactory {
  constructor(private readonly service: RelatedContentService) {}

  create(): RelatedLoaders {
    return {
      related: new DataLoader(
        async (keys) => {
          // One read at the largest limit asked for, trimmed per key.
          const max = Math.max(...keys.map((k) => k.limit));
          const byPost = await this.service.relatedForPosts([...new Set(keys.map((k) => k.postId))], max);
          return keys.map((k) => (byPost.get(k.postId) ?? []).slice(0, k.limit));
        },
        { cacheKeyFn: (k) => `${k.postId}:${k.limit}` },
      ),
    };
  }
}
