import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ToList } from '../../../common/validation/query-transforms';
import { BODY_FORMATS, BodyFormatName, POST_FIELDS, PostField } from '../domain/post-listing';
import { unknownValueMessage } from './unknown-value.message';

/** Query parameters of a single public post. */
export class GetPostQuery {
  @ApiPropertyOptional({ description: 'Comma list of top-level fields to return (id is always included).' })
  @IsOptional() @ToList() @IsIn(POST_FIELDS, { each: true, message: unknownValueMessage('field', POST_FIELDS) })
  fields?: PostField[];

  @ApiPropertyOptional({ description: 'Comma list of body formats (default html): html, plaintext, markdown.' })
  @IsOptional() @ToList() @IsIn(BODY_FORMATS, { each: true, message: unknownValueMessage('format', BODY_FORMATS) })
  formats?: BodyFormatName[];
}
