import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated } from '../../common/pagination/pagination.types';
import { PostModel } from '../posts/models/post.model';
import { PostWithRelations, toPostWithRelations } from '../posts/post.mapper';
import type { PostOwner } from './domain/post-owner';
import { PostListingsRepository } from './post-listings.repository';
import { MediaImagesService } from '../media/media-images.service';

// Same ordering and cursor format as the main post listing, so its cursors are interchangeable.
const ORDER = 'publishedAt:desc';

export interface OwnedPostsPage {
  first?: number;
  after?: string;
}

/** Published posts of tags and authors, newest first, batched over many owners. */
@Injectable()
export class PostListingsService {
  constructor(
    private readonly repository: PostListingsRepository,
    private readonly images: MediaImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async postsOf(owner: PostOwner, ownerIds: readonly string[], page: OwnedPostsPage): Promise<Map<string, Paginated<PostWithRelations>>> {
    const limit = page.first ?? DEFAULT_LIMIT;
    const bound = page.after ? this.bound(page.after) : null;
    const rows = await this.repository.findPublishedByOwners(owner, ownerIds, limit + 1, bound);
    const grouped = new Map<string, { total: number; items: PostWithRelations[] }>();
    for (const { ownerId, total, ...row } of rows) {
      const entry = grouped.get(ownerId) ?? { total, items: [] };
      if (row.id !== null) entry.items.push(toPostWithRelations(row, this.config.site, this.images));
      grouped.set(ownerId, entry);
    }
    return new Map(
      ownerIds.map((id) => {
        const { total = 0, items = [] } = grouped.get(id) ?? {};
        const pageItems = items.slice(0, limit);
        const last = pageItems.at(-1);
        const hasMore = items.length > limit;
        const nextCursor = last && hasMore ? this.cursorFor(last) : null;
        return [id, { items: pageItems, total, cursor: { limit, hasMore, nextCursor, prevCursor: null } }];
      }),
    );
  }

  cursorFor(post: PostModel): string {
    return encodeCursor({ order: ORDER, value: post.publishedAt?.toISOString() ?? null, id: post.id, direction: 'after' });
  }

  private bound(after: string): { publishedAt: Date; id: string } {
    const cursor = decodeCursor(after, ORDER, 'after');
    const publishedAt = new Date(String(cursor.value));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (cursor.direction !== 'after' || Number.isNaN(publishedAt.getTime()) || !uuid.test(cursor.id)) {
      throw DomainError.validation('"after" is not a valid cursor for this listing.', [{ field: 'after', message: 'invalid cursor' }]);
    }
    return { publishedAt, id: cursor.id };
  }
}
