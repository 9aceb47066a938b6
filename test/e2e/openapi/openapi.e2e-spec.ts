import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Nest registered on Express, as "GET /api/posts/{id}" (OpenAPI's path syntax). */
function registeredRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap(({ route }) =>
      Object.keys(route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${route!.path.replace(/:(\w+)/g, '{$1}')}`),
    );
}

// GraphQL, the docs themselves, the signpost page at / and the catch-all that answers 404/405 problem details.
const NOT_DOCUMENTED = /^[A-Z-]+ \/(graphql|api\/docs|api\/openapi\.json|\{\*path\}|$)/;

describe('OpenAPI document and docs page', () => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await request(t.http).get('/api/openapi.json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.body;
  });
  afterAll(() => t.close());

  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Byline API');
  });

  it('documents every route the application registers, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = registeredRoutes(t).filter((r) => !NOT_DOCUMENTED.test(r));
    expect(routes.length).toBeGreaterThan(10);
    expect([...new Set(documented)].sort()).toEqual([...new Set(routes)].sort());
  });

  it('documents the public list parameters of GET /api/posts', () => {
    const names = (doc.paths['/api/posts'].get.parameters as { name: string; in: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(
      ['author', 'cursor', 'featured', 'fields', 'formats', 'limit', 'order', 'page', 'publishedAfter', 'publishedBefore', 'tag'].sort(),
    );
    expect(doc.paths['/api/feed.xml'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['tag']);
  });

  it('has the ProblemDetails schema and uses it for the 4xx responses of every operation', () => {
    const problem = doc.components.schemas.ProblemDetails;
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId']));
    expect(problem.properties.errors.type).toBe('array');
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const fourxx = Object.keys(op.responses).filter((s) => s.startsWith('4'));
        // Health probes take no input and are never rate limited; everything under /api can be a 400.
        if (path.startsWith('/api/')) expect(fourxx).toContain('400');
        if (path.startsWith('/health/')) expect(fourxx).toEqual([]);
        for (const status of fourxx) {
          expect({ route: `${method} ${path} ${status}`, content: op.responses[status].content }).toEqual({
            route: `${method} ${path} ${status}`,
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
          });
        }
      }
    }
  });

  it('documents the concurrency and idempotency answers of editor writes', () => {
    const codes = (path: string, method: string) => Object.keys(doc.paths[path][method].responses);
    for (const path of ['/api/admin/posts/{id}', '/api/admin/tags/{id}', '/api/admin/authors/{id}']) {
      expect(codes(path, 'patch')).toEqual(expect.arrayContaining(['412', '428']));
      expect(codes(path, 'delete')).toEqual(expect.arrayContaining(['412', '428']));
    }
    expect(codes('/api/admin/posts', 'post')).toEqual(expect.arrayContaining(['409', '413', '415', '422']));
    expect(codes('/api/posts', 'get')).not.toContain('412');
  });

  it('documents the success envelopes', () => {
    const list = doc.paths['/api/posts'].get.responses['200'].content['application/json'].schema;
    expect(list.required).toEqual(['data', 'meta']);
    expect(list.properties.meta.properties.pagination.oneOf).toEqual([
      { $ref: '#/components/schemas/PageMeta' },
      { $ref: '#/components/schemas/CursorMeta' },
      { $ref: '#/components/schemas/TotalMeta' },
    ]);
    const related = doc.paths['/api/posts/slug/{slug}/related'].get.responses['200'].content['application/json'].schema;
    expect(related.properties.meta.properties.pagination).toEqual({ $ref: '#/components/schemas/TotalMeta' });
    const tag = doc.paths['/api/admin/tags/{id}'].get.responses['200'].content['application/json'].schema;
    expect(tag).toEqual({ type: 'object', required: ['data'], properties: { data: { $ref: '#/components/schemas/AdminTagModel' } } });
  });

  it('marks editor routes as bearer-authenticated with 401 and 403, and public ones as open', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const admin = Object.entries<any>(doc.paths).filter(([path]) => path.startsWith('/api/admin'));
    expect(admin.length).toBeGreaterThan(0);
    for (const [, item] of admin) {
      for (const op of Object.values<any>(item)) {
        expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
    expect(doc.paths['/api/posts'].get.security).toBeUndefined();
  });

  it('serves the docs page and its scripts and styles from this server, never from another host', async () => {
    const page = await request(t.http).get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const refs = [...page.text.matchAll(/(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(ref).not.toMatch(/^(https?:)?\/\//i);
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    for (const ref of refs.filter((r) => /\.(js|css)$/.test(r))) {
      const asset = await request(t.http).get(new URL(ref, 'http://local/api/docs').pathname).expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript|css/);
    }
    const init = await request(t.http).get('/api/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"validatorUrl": null');
  });
});
