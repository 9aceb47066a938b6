import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMinSize, IsIn, IsOptional } from 'class-validator';
import { ToList } from '../../../common/validation/query-transforms';
import { PAGE_FIELDS, PostField } from '../domain/post-listing';
import { PostStatus } from '../models/post.model';
import { ListPostsQuery } from './list-posts.query';
import { unknownValueMessage } from './unknown-value.message';

const STATUSES = Object.values(PostStatus);

/** The public post list's parameters without the tag and author filters (pages have neither). */
export class ListPagesQuery extends OmitType(ListPostsQuery, ['tag', 'author', 'fields'] as const) {
  @ApiPropertyOptional({ description: `Comma list of top-level fields to return (id is always included): ${PAGE_FIELDS.join(', ')}` })
  @IsOptional() @ToList() @ArrayMinSize(1, { message: 'fields must name at least one field' })
  @IsIn(PAGE_FIELDS, { each: true, message: unknownValueMessage('field', PAGE_FIELDS) })
  fields?: PostField[];
}

/** Admin page lists: the public parameters plus `status`, page pagination only (as for posts). */
export class AdminListPagesQuery extends OmitType(ListPagesQuery, ['cursor'] as const) {
  @ApiPropertyOptional({ description: 'Comma list of statuses (default: all): DRAFT, SCHEDULED, PUBLISHED.', example: 'DRAFT,SCHEDULED' })
  @IsOptional() @ToList() @IsIn(STATUSES, { each: true, message: `status must be among: ${STATUSES.join(', ')}` })
  status?: PostStatus[];
}

/** Query parameters of a single page. */
export class GetPageQuery extends OmitType(ListPagesQuery, ['cursor', 'order', 'featured', 'publishedAfter', 'publishedBefore', 'limit', 'page'] as const) {}
