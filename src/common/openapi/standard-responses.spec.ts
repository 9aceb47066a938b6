import type { OpenAPIObject } from '@nestjs/swagger';
import { addStandardResponses, problemExample } from './standard-responses';

const SCHEMA = { $ref: '#/components/schemas/ProblemDetails' };
const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }) as unknown as OpenAPIObject;

describe('addStandardResponses', () => {
  it('adds problem responses by what an operation declares, each with an example of its own status', () => {
    const out = addStandardResponses(
      doc({
        '/api/things/{id}': { get: { parameters: [{ in: 'path', name: 'id' }], responses: { 200: { description: 'ok' } } } },
        '/api/admin/things': { post: { requestBody: {}, responses: {} } },
      }),
    ) as any;
    const get = out.paths['/api/things/{id}'].get;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '304', '400', '404', '429', '500', '503']);
    expect(get.responses['404'].content['application/problem+json'].schema).toEqual(SCHEMA);
    expect(get.responses['404'].content['application/problem+json'].example).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(get.responses['404'].content['application/problem+json'].example.errors).toBeUndefined();
    expect(get.responses['400'].content['application/problem+json'].example).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [expect.any(Object)] });
    expect(get.responses['429'].headers['Retry-After']).toBeDefined();
    const post = out.paths['/api/admin/things'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['400', '401', '403', '408', '413', '415', '429', '500', '503']);
    expect(post.security).toEqual([{ bearer: [] }]);
  });

  it('keeps a declared error description but gives it the problem schema', () => {
    const out = addStandardResponses(doc({ '/api/x': { get: { responses: { 409: { description: 'Slug taken.' } } } } })) as any;
    expect(out.paths['/api/x'].get.responses['409']).toEqual({
      description: 'Slug taken.',
      content: { 'application/problem+json': { schema: SCHEMA, example: problemExample('409', '/api/x') } },
    });
  });

  it('documents liveness without 503 and readiness with it', () => {
    const out = addStandardResponses(doc({ '/health/live': { get: { responses: {} } }, '/health/ready': { get: { responses: {} } } })) as any;
    expect(Object.keys(out.paths['/health/live'].get.responses)).toEqual(['500']);
    expect(Object.keys(out.paths['/health/ready'].get.responses).sort()).toEqual(['500', '503']);
  });

  it('wraps undeclared bodies in the data envelope, lists with pagination meta, and leaves other media types alone', () => {
    const out = addStandardResponses(
      doc({
        '/api/x/{id}': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/X' } } } } } } },
        '/api/x': { get: { responses: { 200: { description: 'list' } } } },
        '/api/feed.xml': { get: { responses: { 200: { content: { 'application/rss+xml': { schema: { type: 'string' } } } } } } },
      }),
    ) as any;
    expect(out.paths['/api/x/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      type: 'object',
      required: ['data'],
      properties: { data: { $ref: '#/X' } },
    });
    const list = out.paths['/api/x'].get.responses['200'].content['application/json'].schema;
    expect(list.required).toEqual(['data', 'meta']);
    expect(list.properties.meta.properties.pagination.oneOf).toHaveLength(3);
    expect(out.paths['/api/feed.xml'].get.responses['200'].content).toEqual({ 'application/rss+xml': { schema: { type: 'string' } } });
  });
});

describe('problemExample', () => {
  it('names the code, title and type of its status and fills the path', () => {
    expect(problemExample('412', '/api/admin/posts/{id}')).toMatchObject({
      status: 412,
      code: 'PRECONDITION_FAILED',
      title: 'Precondition failed',
      type: 'tag:byline.dev,2026:problem/precondition-failed',
      instance: expect.stringMatching(/^\/api\/admin\/posts\/[0-9a-f-]{36}$/),
    });
    expect(problemExample('503', '/api/posts')).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  });
});
