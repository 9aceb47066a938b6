import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { toConnection } from '../../common/graphql/connection.mapper';
import { ConnectionShape } from '../../common/graphql/connection.types';
import { PostModel } from '../posts/models/post.model';
import type { PostOwner } from './domain/post-owner';
import { PostListingsService } from './post-listings.service';

export interface OwnedPostsKey {
  ownerId: string;
  first?: number;
  after?: string;
}

type OwnedPostsLoader = DataLoader<OwnedPostsKey, ConnectionShape<PostModel>, string>;

export interface PostListingLoaders {
  tagPosts: OwnedPostsLoader;
  authorPosts: OwnedPostsLoader;
}

/** Per-request batchers for Tag.posts and Author.posts: one statement per distinct (first, after). */
@Injectable()
export class PostListingLoadersFactory {
  constructor(private readonly service: PostListingsService) {}

  create(): PostListingLoaders {
    return { tagPosts: this.loader('tag'), authorPosts: this.loader('author') };
  }

  private loader(owner: PostOwner): OwnedPostsLoader {
    const pageKey = (k: OwnedPostsKey) => JSON.stringify([k.first ?? null, k.after ?? null]);
    return new DataLoader(
      async (keys) => {
        const groups = new Map<string, OwnedPostsKey[]>();
        for (const key of keys) groups.set(pageKey(key), [...(groups.get(pageKey(key)) ?? []), key]);
        const results = new Map<string, ConnectionShape<PostModel> | Error>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { first, after } = group[0];
            try {
              const pages = await this.service.postsOf(owner, [...new Set(group.map((k) => k.ownerId))], { first, after });
              for (const k of group) {
                results.set(k.ownerId + pageKey(k), toConnection(pages.get(k.ownerId)!, (p) => this.service.cursorFor(p)));
              }
            } catch (error) {
              for (const k of group) results.set(k.ownerId + pageKey(k), error as Error);
            }
          }),
        );
        return keys.map((k) => results.get(k.ownerId + pageKey(k))!);
      },
      { cacheKeyFn: (k) => k.ownerId + pageKey(k) },
    );
  }
}
