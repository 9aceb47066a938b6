import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

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
  @ApiProperty({ description: 'A stable URI naming the problem type.', example: 'tag:byline.dev,2026:problem/validation-failed' })
  type: string;
  @ApiProperty({ example: 'Validation failed' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'Invalid input: limit.' }) detail: string;
  @ApiProperty({ description: 'The request path.', example: '/api/posts' }) instance: string;
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' }) code: ErrorCode;
  @ApiProperty({ description: 'Same as the X-Request-Id response header.' }) requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'Present on VALIDATION_FAILED.' })
  errors?: FieldErrorSchema[];
}

@ApiSchema({ name: 'PageMeta', description: 'Pagination in page mode (with totals).' })
export class PageMetaSchema {
  @ApiProperty() limit: number;
  @ApiProperty() page: number;
  @ApiProperty() pages: number;
  @ApiProperty({ description: 'Matches over all pages (published posts only on public routes).' }) total: number;
  @ApiProperty({ type: Number, nullable: true }) next: number | null;
  @ApiProperty({ type: Number, nullable: true }) prev: number | null;
}

@ApiSchema({ name: 'CursorMeta', description: 'Pagination in cursor (keyset) mode: opaque cursors, stable while posts are published.' })
export class CursorMetaSchema {
  @ApiProperty() limit: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: String, nullable: true }) prevCursor: string | null;
  @ApiProperty() hasMore: boolean;
  @ApiPropertyOptional({ description: 'Matches over all pages (search results only).' }) total?: number;
}

@ApiSchema({ name: 'TotalMeta', description: 'A complete, unpaginated list (tokens, webhooks, revisions, related posts): its size.' })
export class TotalMetaSchema {
  @ApiProperty() total: number;
}

export const OPENAPI_EXTRA_MODELS = [FieldErrorSchema, ProblemDetailsSchema, PageMetaSchema, CursorMetaSchema, TotalMetaSchema];
