import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ToList } from '../../../common/validation/query-transforms';
import { PostStatus } from '../models/post.model';
import { ListPostsQuery } from './list-posts.query';

const STATUSES = Object.values(PostStatus);

/** The public list's parameters plus `status`; admin lists paginate by page (no cursor). */
export class AdminListPostsQuery extends ListPostsQuery {
  @ApiPropertyOptional({ description: 'Comma list of statuses (default: all): DRAFT, SCHEDULED, PUBLISHED.', example: 'DRAFT,SCHEDULED' })
  @IsOptional() @ToList() @IsIn(STATUSES, { each: true, message: `status must be among: ${STATUSES.join(', ')}` })
  status?: PostStatus[];
}
