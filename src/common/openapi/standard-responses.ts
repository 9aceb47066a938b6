import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODE_INFO, errorCodeForStatus } from '../errors/error-code';
import { problemType } from '../errors/problem-details';

type Operation = {
  parameters?: { in?: string; name?: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
};

export const BEARER_SCHEME = 'bearer';
const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetails' };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const DESCRIPTIONS: Record<string, string> = {
  '400': 'VALIDATION_FAILED: an unknown parameter or field, or a malformed value (`errors` names each one).',
  '401': 'UNAUTHENTICATED: missing, unknown, revoked or expired bearer token.',
  '403': 'FORBIDDEN: the token lacks a required scope.',
  '404': 'NOT_FOUND: no such resource (or not published).',
  '408': 'REQUEST_TIMEOUT: the request body did not arrive in time (`HTTP_BODY_TIMEOUT_MS`).',
  '409': 'CONFLICT: the slug is taken; IDEMPOTENCY_IN_PROGRESS: the same Idempotency-Key is still in flight.',
  '412': 'PRECONDITION_FAILED: `If-Match` (or `version`) is not the current ETag; re-read and retry.',
  '413': 'PAYLOAD_TOO_LARGE: the request body is too large.',
  '415': 'UNSUPPORTED_MEDIA_TYPE: send `application/json`.',
  '422': 'UNPROCESSABLE: the Idempotency-Key was used before with a different body.',
  '428': 'PRECONDITION_REQUIRED: send `If-Match` with the current ETag.',
  '429': 'RATE_LIMITED: too many requests; see `Retry-After`.',
  '500': 'INTERNAL: an unexpected error (logged with the request id; no details are exposed).',
  '503': 'SERVICE_UNAVAILABLE: the database is unreachable or overloaded; retry after a short wait.',
};

const DETAILS: Record<string, string> = {
  '400': 'Invalid input: limit.',
  '401': 'A valid bearer token is required.',
  '403': 'This token lacks the scope content:write.',
  '404': 'Not found.',
  '408': 'The request body did not arrive in time.',
  '409': 'The slug "hello-world" is already taken.',
  '412': 'If-Match does not name the current version; re-read the resource and retry.',
  '413': 'The request body is too large.',
  '415': 'Send the request body as application/json.',
  '422': 'This Idempotency-Key was used with a different request body.',
  '428': 'Send If-Match with the ETag of your last read.',
  '429': 'Too many requests; retry after the time in Retry-After.',
  '500': 'An unexpected error occurred. Quote the request id when reporting it.',
  '503': 'The service is temporarily unavailable; retry shortly.',
};

const EXAMPLE_PARAMS: Record<string, string> = { id: '0f8b5d1e-4c2a-4e7b-9a51-6d3c2b1a0e9f', slug: 'hello-world', n: '3' };

/** A problem body as the server writes it for `status` at `path`: one correct example per status. */
export function problemExample(status: string, path: string): object {
  const code = errorCodeForStatus(Number(status));
  return {
    type: problemType(code),
    title: ERROR_CODE_INFO[code].title,
    status: Number(status),
    detail: DETAILS[status] ?? ERROR_CODE_INFO[code].title,
    instance: path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLE_PARAMS[name] ?? name),
    code,
    requestId: '5c6f0a52-7d0e-4f4e-8f7b-0d1b2c3a4e5f',
    ...(status === '400' ? { errors: [{ field: 'limit', message: 'limit must not be greater than 100' }] } : {}),
  };
}

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } };

/** Which problem responses an operation can produce, from what it declares. */
function statusesFor(path: string, method: string, op: Operation): string[] {
  // Health probes are never rate limited; liveness does not touch the database.
  if (path.startsWith('/health')) return path === '/health/live' ? ['500'] : ['500', '503'];
  const statuses = ['400', '429', '500', '503'];
  const isEditor = path.startsWith('/api/admin') || (op.security?.length ?? 0) > 0;
  if (isEditor) statuses.push('401', '403');
  // Editor content writes: optimistic concurrency on updates and deletes, idempotency keys on creates.
  const isContentWrite = /^\/api\/admin\/(posts|pages|tags|authors)/.test(path);
  if (isContentWrite && (method === 'patch' || method === 'delete')) statuses.push('409', '412', '428');
  if (isContentWrite && method === 'post') statuses.push('409', '422');
  // Workflow steps on one resource (publish, unpublish, restore) take If-Match too (required to restore).
  if (isContentWrite && method === 'post' && path.includes('{id}')) statuses.push('412', '428');
  // Any other write that declares If-Match (site settings) has the same preconditions.
  if (op.parameters?.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'if-match')) statuses.push('412', '428');
  if (op.parameters?.some((p) => p.in === 'path')) statuses.push('404');
  if (op.requestBody) statuses.push('408', '413', '415');
  return [...new Set(statuses)];
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
    properties: { data, meta: { type: 'object', required: ['pagination'], properties: { pagination: PAGINATION } } },
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
 * Documents the errors every route shares (RFC 9457 problem details, each status with its own example),
 * conditional GETs (304) and bearer auth on editor routes, so routes written later are covered without
 * repeating decorators on each of them.
 */
export function addStandardResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      if (path.startsWith('/api/admin') && !op.security?.length) op.security = [{ [BEARER_SCHEME]: [] }];
      op.responses ??= {};
      envelopeSuccess(path, method, op);
      // Express answers a matching If-None-Match with 304 on every GET (strong ETags on all bodies).
      if (method === 'get' && path.startsWith('/api/')) {
        op.responses['304'] ??= { description: 'Not modified: `If-None-Match` names the current ETag. No body.' };
      }
      for (const status of [...statusesFor(path, method, op), ...Object.keys(op.responses).filter((s) => /^[45]\d\d$/.test(s))]) {
        const existing = op.responses[status];
        op.responses[status] = {
          description: existing?.description || DESCRIPTIONS[status] || 'Problem details.',
          ...(status === '429' ? { headers: RETRY_AFTER } : {}),
          content: { 'application/problem+json': { schema: PROBLEM_SCHEMA, example: problemExample(status, path) } },
        };
      }
    }
  }
  return document;
}
