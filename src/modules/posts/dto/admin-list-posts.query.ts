import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ToList } from '../../../common/validation/query-transforms';
import { PostStatus } from '../models/post.model';
import { ListPostsQuery } from './list-posts.query';

const STATUSES = Object.values(PostStatus);

/**
 * The public list's parameters plus `status`. Admin lists paginate by page only: drafts have no
 * publishedAt, so the keyset of the public cursor does not order them; `cursor` is an unknown parameter.
 */
export class AdminListPostsQuery extends OmitType(ListPostsQuery, ['cursor'] as const) {
  @ApiPropertyOptional({ description: 'Comma list of statuses (default: all): DRAFT, SCHEDULED, PUBLISHED.', example: 'DRAFT,SCHEDULED' })
  @IsOptional() @ToList() @IsIn(STATUSES, { each: true, message: `status must be among: ${STATUSES.join(', ')}` })
  status?: PostStatus[];
}
