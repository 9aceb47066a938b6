import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

// Codes the error mapping is adding (issue 8); listed ahead so clients generated today accept them.
const UPCOMING_CODES = ['IDEMPOTENCY_IN_PROGRESS'];
export const PROBLEM_CODES = [...new Set([...Object.values(ErrorCode), ...UPCOMING_CODES])];

@ApiSchema({ name: 'FieldError', description: 'One invalid input: the parameter or body field and what is wrong with it.' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'limit' }) field: string;
  @ApiProperty({ example: 'limit must not be greater than 100' }) message: string;
}

@ApiSchema({
  name: 'ProblemDetails',
  description: 'RFC 9457 problem details (`application/problem+json`): the one error shape of the REST API.',
})
export class ProblemDetailsSchema {
  @ApiProperty({ description: 'A stable URI naming the problem type.', example: 'tag:byline.dev,2026:problem/not-found' })
  type: string;
  @ApiProperty({ example: 'Not found' }) title: string;
  @ApiProperty({ description: 'The HTTP status code.', minimum: 400, maximum: 599, example: 404 }) status: number;
  @ApiProperty({ example: 'Post not found.' }) detail: string;
  @ApiProperty({ description: 'The request path.', example: '/api/posts/slug/gone' }) instance: string;
  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'ErrorCode', description: 'Stable machine-readable code; switch on this.' })
  code: ErrorCode;
  @ApiProperty({ description: 'Same as the X-Request-Id response header.' }) requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Present on VALIDATION_FAILED.' })
  errors?: FieldErrorSchema[];
}

@ApiSchema({ name: 'PageMeta', description: 'Pagination in page mode (with totals).' })
export class PageMetaSchema {
  @ApiProperty({ example: 15 }) limit: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 3 }) pages: number;
  @ApiProperty({ description: 'Matches over all pages (published posts only on public routes).', example: 42 }) total: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The next page number, null on the last page.' }) next: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The previous page number, null on the first page.' }) prev: number | null;
}

@ApiSchema({ name: 'CursorMeta', description: 'Pagination in cursor (keyset) mode: opaque cursors, stable while posts are published.' })
export class CursorMetaSchema {
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null at the end.' }) nextCursor: string | null;
  @ApiProperty({ type: String, nullable: true }) prevCursor: string | null;
  @ApiProperty() hasMore: boolean;
}

@ApiSchema({ name: 'SearchMeta', description: 'Cursor pagination of search results, with the number of matches over all pages.' })
export class SearchMetaSchema extends CursorMetaSchema {
  @ApiProperty({ description: 'Matches over all pages.' }) total: number;
}

@ApiSchema({ name: 'TotalMeta', description: 'A complete, unpaginated list (tokens, webhooks, revisions, related posts): its size.' })
export class TotalMetaSchema {
  @ApiProperty() total: number;
}

export const OPENAPI_EXTRA_MODELS = [FieldErrorSchema, ProblemDetailsSchema, PageMetaSchema, CursorMetaSchema, SearchMetaSchema, TotalMetaSchema];
