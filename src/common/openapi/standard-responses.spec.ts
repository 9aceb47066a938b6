import type { OpenAPIObject } from '@nestjs/swagger';
import { addStandardResponses } from './standard-responses';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }) as unknown as OpenAPIObject;

describe('addStandardResponses', () => {
  it('adds problem responses by what an operation declares', () => {
    const out = addStandardResponses(
      doc({
        '/api/things/{id}': { get: { parameters: [{ in: 'path', name: 'id' }], responses: { 200: { description: 'ok' } } } },
        '/api/admin/things': { post: { requestBody: {}, responses: {} } },
      }),
    ) as any;
    const get = out.paths['/api/things/{id}'].get;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '404', '429', '500']);
    expect(get.responses['404'].content).toEqual(PROBLEM);
    const post = out.paths['/api/admin/things'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['400', '401', '403', '413', '415', '429', '500']);
    expect(post.security).toEqual([{ bearer: [] }]);
  });

  it('keeps a declared error description but gives it the problem schema', () => {
    const out = addStandardResponses(doc({ '/api/x': { get: { responses: { 409: { description: 'Slug taken.' } } } } })) as any;
    expect(out.paths['/api/x'].get.responses['409']).toEqual({ description: 'Slug taken.', content: PROBLEM });
  });

  it('wraps declared models in the data envelope, lists with pagination meta, and leaves other media types alone', () => {
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
