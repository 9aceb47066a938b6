import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page.query';
import { ToBool, ToList } from '../../../common/validation/query-transforms';
import { BODY_FORMATS, BodyFormatName, POST_FIELDS, POST_ORDERS, PostField, PostOrder } from '../domain/post-listing';
import { ToDate } from './to-date.transform';
import { unknownValueMessage } from './unknown-value.message';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Query parameters of the public post list. Unknown parameters are rejected by the global pipe. */
export class ListPostsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Opaque keyset cursor from meta.pagination (not with `page`).' })
  @IsOptional() @IsString() @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ enum: POST_ORDERS, default: 'publishedAt:desc' })
  @IsOptional() @IsIn(POST_ORDERS, { message: unknownValueMessage('order', POST_ORDERS) })
  order?: PostOrder;

  @ApiPropertyOptional({ description: 'Tag slug; comma-separated for any of several.', example: 'writing,typography' })
  @IsOptional() @ToList() @ArrayMinSize(1, { message: 'tag must name at least one tag' }) @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: 'tag must be a slug' })
  tag?: string[];

  @ApiPropertyOptional({ description: 'Author slug; comma-separated for any of several.' })
  @IsOptional() @ToList() @ArrayMinSize(1, { message: 'author must name at least one author' }) @ArrayMaxSize(20)
  @Matches(SLUG, { each: true, message: 'author must be a slug' })
  author?: string[];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional() @ToBool() @IsBoolean()
  featured?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Only posts published strictly after this time.' })
  @IsOptional() @ToDate({ allowDateOnly: true }) @IsDate({ message: 'publishedAfter must be an ISO-8601 date or date-time' })
  publishedAfter?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Only posts published strictly before this time.' })
  @IsOptional() @ToDate({ allowDateOnly: true }) @IsDate({ message: 'publishedBefore must be an ISO-8601 date or date-time' })
  publishedBefore?: Date;

  @ApiPropertyOptional({ description: `Comma list of top-level fields to return (id is always included): ${POST_FIELDS.join(', ')}` })
  @IsOptional() @ToList() @ArrayMinSize(1, { message: 'fields must name at least one field' })
  @IsIn(POST_FIELDS, { each: true, message: unknownValueMessage('field', POST_FIELDS) })
  fields?: PostField[];

  @ApiPropertyOptional({ description: 'Comma list of body formats: html, plaintext, markdown. Lists default to none.' })
  @IsOptional() @ToList() @IsIn(BODY_FORMATS, { each: true, message: unknownValueMessage('format', BODY_FORMATS) })
  formats?: BodyFormatName[];
}
