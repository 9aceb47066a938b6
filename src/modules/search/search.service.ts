import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Paginated } from '../../common/pagination/pagination.types';
import type { DocumentKind } from '../posts/domain/document-kind';
import { PageDocument, PostWithRelations, toPageDocument, toPostWithRelations } from '../posts/post.mapper';
import { decodeSearchCursor, encodeSearchCursor } from './domain/search-cursor';
import { toSnippetHtml } from './domain/snippet';
import { SEARCH_LIMIT } from './dto/search.query';
import { SearchRepository } from './search.repository';
import { MediaImagesService } from '../media/media-images.service';

export interface SearchHit {
  /** What was found: a post or a page. */
  type: DocumentKind;
  /** A post hit: the post summary with its tags, authors and url (read in the same statement as the hit). */
  post?: PostWithRelations;
  /** A page hit: the page summary with its url. */
  page?: PageDocument;
  rank: number;
  snippet: string;
}

export interface SearchRequest {
  /** Already trimmed and validated (1–200 characters). */
  query: string;
  limit?: number;
  cursor?: string;
  /** Name of the cursor parameter, for error messages (`cursor` in REST, `after` in GraphQL). */
  cursorField?: string;
}

/** Ranked full-text search over published posts and pages, shared by REST and GraphQL. */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly images: MediaImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One page of hits; `total` counts the ranked candidates (exact up to SEARCH_CANDIDATES). */
  async search(request: SearchRequest): Promise<Paginated<SearchHit>> {
    const limit = request.limit ?? SEARCH_LIMIT.default;
    const bound = request.cursor ? decodeSearchCursor(request.query, request.cursor, request.cursorField ?? 'cursor') : null;
    const { rows, total, remaining } = await this.repository.searchPublished(request.query, limit, bound);
    const hasMore = remaining > limit;
    const items = rows.map(({ rank, rawSnippet, ...row }): SearchHit => {
      const document =
        row.kind === 'page' ? { page: toPageDocument(row, this.config.site, this.images) } : { post: toPostWithRelations(row, this.config.site, this.images) };
      return { type: row.kind, ...document, rank, snippet: toSnippetHtml(rawSnippet) };
    });
    const last = items.at(-1);
    return {
      items,
      total,
      cursor: { limit, hasMore, nextCursor: last && hasMore ? this.cursorFor(request.query, last) : null, prevCursor: null },
    };
  }

  cursorFor(query: string, hit: SearchHit): string {
    return encodeSearchCursor(query, { rank: hit.rank, id: (hit.post ?? hit.page)!.id });
  }
}
