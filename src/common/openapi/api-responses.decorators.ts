import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CursorMetaSchema, PageMetaSchema, SearchMetaSchema, TotalMetaSchema } from './problem-details.schema';

/** How a list paginates, i.e. which `meta.pagination` shape it answers with. */
export type PaginationKind = 'page' | 'cursor' | 'page-or-cursor' | 'search' | 'total';

const META: Record<PaginationKind, object> = {
  page: { $ref: getSchemaPath(PageMetaSchema) },
  cursor: { $ref: getSchemaPath(CursorMetaSchema) },
  'page-or-cursor': { oneOf: [{ $ref: getSchemaPath(PageMetaSchema) }, { $ref: getSchemaPath(CursorMetaSchema) }] },
  search: { $ref: getSchemaPath(SearchMetaSchema) },
  total: { $ref: getSchemaPath(TotalMetaSchema) },
};

/** `{ data: <model> }`; the document names it `<Model>Envelope` (see openapi-31.ts). */
export function ApiDataResponse(model: Type<unknown>, options: { status?: 200 | 201; description?: string } = {}) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? 'The resource.',
      schema: { type: 'object', required: ['data'], properties: { data: { $ref: getSchemaPath(model) } } },
    }),
  );
}

/** `{ data: <model>[], meta: { pagination } }`; the document names it `<Model>ListEnvelope`. */
export function ApiListResponse(model: Type<unknown>, pagination: PaginationKind, description = 'One page of results.') {
  return applyDecorators(
    ApiExtraModels(model, PageMetaSchema, CursorMetaSchema, SearchMetaSchema, TotalMetaSchema),
    ApiResponse({
      status: 200,
      description,
      schema: {
        type: 'object',
        required: ['data', 'meta'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(model) } },
          meta: { type: 'object', required: ['pagination'], properties: { pagination: META[pagination] } },
        },
      },
    }),
  );
}
