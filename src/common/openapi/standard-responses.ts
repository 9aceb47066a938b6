import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { in?: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

export const BEARER_SCHEME = 'bearer';
const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const DESCRIPTIONS: Record<string, string> = {
  '400': 'VALIDATION_FAILED: an unknown parameter or field, or a malformed value (`errors` names each one).',
  '401': 'UNAUTHENTICATED: missing, unknown, revoked or expired bearer token.',
  '403': 'FORBIDDEN: the token lacks a required scope.',
  '404': 'NOT_FOUND: no such resource (or not published).',
  '409': 'CONFLICT: the slug is taken, or the same Idempotency-Key is still in flight.',
  '412': 'PRECONDITION_FAILED: `If-Match` (or `version`) is not the current ETag; re-read and retry.',
  '422': 'UNPROCESSABLE: the Idempotency-Key was used before with a different body.',
  '428': 'PRECONDITION_REQUIRED: send `If-Match` with the current ETag.',
  '413': 'PAYLOAD_TOO_LARGE: the request body is too large.',
  '415': 'UNSUPPORTED_MEDIA_TYPE: send `application/json`.',
  '429': 'RATE_LIMITED: too many requests; see `Retry-After`.',
  '500': 'INTERNAL: an unexpected error (logged with the request id; no details are exposed).',
};

/** Which problem responses an operation can produce, from what it declares. */
function statusesFor(path: string, method: string, op: Operation): string[] {
  // Health probes are never rate limited.
  const statuses = path.startsWith('/health') ? ['500'] : ['400', '429', '500'];
  const isEditor = path.startsWith('/api/admin') || (op.security?.length ?? 0) > 0;
  if (isEditor) statuses.push('401', '403');
  // Editor content writes: optimistic concurrency on updates and deletes, idempotency keys on creates.
  const isContentWrite = /^\/api\/admin\/(posts|tags|authors)/.test(path);
  if (isContentWrite && (method === 'patch' || method === 'delete')) statuses.push('409', '412', '428');
  if (isContentWrite && method === 'post') statuses.push('409', '422');
  if (op.parameters?.some((p) => p.in === 'path')) statuses.push('404');
  if (op.requestBody) statuses.push('413', '415');
  return statuses;
}

type Schema = Record<string, unknown>;
const PAGINATION = {
  oneOf: [{ $ref: '#/components/schemas/PageMeta' }, { $ref: '#/components/schemas/CursorMeta' }, { $ref: '#/components/schemas/TotalMeta' }],
};

/** `{ data }` or `{ data, meta: { pagination } }` around what a controller declared (or a bare object). */
function envelope(schema: Schema | undefined, isList: boolean): Schema {
  if (schema && typeof schema.properties === 'object' && 'data' in (schema.properties as object)) return schema;
  const list = schema ? schema.type === 'array' : isList;
  const data = schema ?? (list ? { type: 'array', items: { type: 'object' } } : { type: 'object' });
  if (!list) return { type: 'object', required: ['data'], properties: { data } };
  return {
    type: 'object',
    required: ['data', 'meta'],
    properties: { data, meta: { type: 'object', properties: { pagination: PAGINATION } } },
  };
}

/** Every JSON success body under /api is enveloped, whatever a controller's decorator says. */
function envelopeSuccess(path: string, method: string, op: Operation): void {
  if (!path.startsWith('/api/')) return;
  for (const [status, response] of Object.entries(op.responses)) {
    if (status !== '200' && status !== '201') continue;
    const content = response.content as Record<string, { schema?: Schema }> | undefined;
    if (content && !content['application/json']) continue;
    const isList = method === 'get' && !/\}$/.test(path);
    response.content = { 'application/json': { schema: envelope(content?.['application/json']?.schema, isList) } };
  }
}

/**
 * Documents the errors every route shares (RFC 9457 problem details) and bearer auth on editor routes,
 * so routes written later are covered without repeating decorators on each of them.
 */
export function addStandardResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      if (path.startsWith('/api/admin') && !op.security?.length) op.security = [{ [BEARER_SCHEME]: [] }];
      op.responses ??= {};
      envelopeSuccess(path, method, op);
      for (const status of [...statusesFor(path, method, op), ...Object.keys(op.responses).filter((s) => /^[45]\d\d$/.test(s))]) {
        const existing = op.responses[status];
        op.responses[status] = {
          description: existing?.description || DESCRIPTIONS[status] || 'Problem details.',
          content: existing?.content ?? PROBLEM,
        };
      }
    }
  }
  return document;
}
