import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Paginated } from '../../common/pagination/pagination.types';
import { AuthorModel } from '../authors/models/author.model';
import { AuthorsService } from '../authors/authors.service';
import { PostModel } from '../posts/models/post.model';
import { postUrlFor } from '../posts/domain/post-url';
import { toPostModel } from '../posts/post.mapper';
import { TagModel } from '../tags/models/tag.model';
import { TagsService } from '../tags/tags.service';
import { decodeSearchCursor, encodeSearchCursor } from './domain/search-cursor';
import { toSnippetHtml } from './domain/snippet';
import { SEARCH_LIMIT } from './dto/search.query';
import { SearchRepository } from './search.repository';

export interface SearchHit<P extends PostModel = PostModel> {
  post: P;
  rank: number;
  snippet: string;
}

export interface PostSummaryWithRelations extends PostModel {
  tags: TagModel[];
  primaryTag: TagModel | null;
  authors: AuthorModel[];
  primaryAuthor: AuthorModel | null;
}

export interface SearchRequest {
  /** Already trimmed and validated (1–200 characters). */
  query: string;
  limit?: number;
  cursor?: string;
  /** Name of the cursor parameter, for error messages (`cursor` in REST, `after` in GraphQL). */
  cursorField?: string;
}

/** Ranked full-text search over published posts, shared by REST and GraphQL. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly tags: TagsService,
    private readonly authors: AuthorsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(request: SearchRequest): Promise<Paginated<SearchHit>> {
    const limit = request.limit ?? SEARCH_LIMIT.default;
    const bound = request.cursor ? decodeSearchCursor(request.query, request.cursor, request.cursorField ?? 'cursor') : null;
    const now = new Date();
    const [rows, total] = await Promise.all([
      this.repository.searchPublished(request.query, limit + 1, bound, now),
      this.repository.countPublished(request.query, now),
    ]);
    const hasMore = rows.length > limit;
    const items = rows.slice(0, limit).map(({ rank, rawSnippet, ...row }) => ({ post: toPostModel(row), rank, snippet: toSnippetHtml(rawSnippet) }));
    const last = items.at(-1);
    return {
      items,
      total,
      cursor: { limit, hasMore, nextCursor: last && hasMore ? this.cursorFor(request.query, last) : null, prevCursor: null },
    };
  }

  cursorFor(query: string, hit: SearchHit): string {
    return encodeSearchCursor(query, { rank: hit.rank, id: hit.post.id });
  }

  /** REST hits carry the post summary with its tags and authors (two statements for any page size). */
  async withRelations(hits: SearchHit[]): Promise<SearchHit<PostSummaryWithRelations>[]> {
    const ids = hits.map((h) => h.post.id);
    const [tags, authors] = await Promise.all([this.tags.tagsForPosts(ids), this.authors.authorsForPosts(ids)]);
    return hits.map((hit) => {
      const postTags = tags.get(hit.post.id) ?? [];
      const postAuthors = authors.get(hit.post.id) ?? [];
      const post = {
        ...hit.post,
        url: postUrlFor(this.config.site, hit.post.slug),
        tags: postTags,
        primaryTag: postTags[0] ?? null,
        authors: postAuthors,
        primaryAuthor: postAuthors[0] ?? null,
      };
      return { ...hit, post };
    });
  }
}
