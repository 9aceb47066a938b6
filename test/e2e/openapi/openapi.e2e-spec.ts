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
          const media = op.responses[status].content;
          expect({ route: `${method} ${path} ${status}`, types: Object.keys(media) }).toEqual({
            route: `${method} ${path} ${status}`,
            types: ['application/problem+json'],
          });
          expect(media['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/ProblemDetails' });
          // Each status has its own example: a 404 is never illustrated by a 400 validation body.
          const example = media['application/problem+json'].example;
          expect({ route: `${method} ${path} ${status}`, status: example.status, hasErrors: 'errors' in example }).toEqual({
            route: `${method} ${path} ${status}`,
            status: Number(status),
            hasErrors: status === '400',
          });
        }
      }
    }
  });

  it('lists every error code, including those of unavailability and idempotency in flight', () => {
    expect(doc.components.schemas.ErrorCode.enum).toEqual(expect.arrayContaining(['SERVICE_UNAVAILABLE', 'IDEMPOTENCY_IN_PROGRESS', 'NOT_FOUND', 'RATE_LIMITED']));
  });

  it('documents 503 on every operation that reads the database, and 304 on conditional GETs', () => {
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (path !== '/health/live') expect({ route: `${method} ${path}`, has503: '503' in op.responses }).toEqual({ route: `${method} ${path}`, has503: true });
        if (method === 'get' && path.startsWith('/api/')) expect(op.responses['304']).toBeDefined();
      }
    }
  });

  it('is OpenAPI 3.1 through and through: no 3.0 `nullable`, and servers to call', () => {
    expect(JSON.stringify(doc)).not.toMatch(/"nullable"/);
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.components.schemas.Post.properties.publishedAt.type).toEqual(['string', 'null']);
    expect(doc.components.schemas.Post.properties.primaryTag).toEqual({ oneOf: [{ $ref: '#/components/schemas/Tag' }, { type: 'null' }] });
  });

  it('gives every JSON success body under /api a named envelope around a named resource', () => {
    const schemas = doc.components.schemas;
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries<any>(item)) {
        for (const status of ['200', '201']) {
          const schema = op.responses[status]?.content?.['application/json']?.schema;
          if (!schema) continue;
          const name = String(schema.$ref).replace('#/components/schemas/', '');
          expect({ route: `${method} ${path}`, name }).toEqual({ route: `${method} ${path}`, name: expect.stringMatching(/Envelope$/) });
          const data = schemas[name].properties.data;
          const ref = data.$ref ?? data.items?.$ref;
          expect({ route: `${method} ${path}`, ref }).toEqual({ route: `${method} ${path}`, ref: expect.stringMatching(/^#\/components\/schemas\/[A-Z]\w+$/) });
        }
      }
    }
    for (const name of ['Post', 'PostSummary', 'AdminPost', 'Tag', 'Author', 'SearchHit', 'RelatedPost', 'PageMeta', 'CursorMeta', 'PostRevision', 'ApiToken', 'Webhook', 'WebhookDelivery', 'AuditEntry']) {
      expect(schemas[name]).toBeDefined();
    }
    expect(schemas.PostSummary.required).toEqual(expect.arrayContaining(['title', 'tags', 'primaryTag', 'authors', 'url', 'readingTime']));
    expect(schemas.Tag.required).toEqual(expect.arrayContaining(['postCount']));
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
    const json = (path: string, method = 'get', status = '200') => doc.paths[path][method].responses[status].content['application/json'].schema;
    const schemas = doc.components.schemas;
    expect(json('/api/posts')).toEqual({ $ref: '#/components/schemas/PostSummaryListEnvelope' });
    const list = schemas.PostSummaryListEnvelope;
    expect(list.required).toEqual(['data', 'meta']);
    expect(list.properties.data.items).toEqual({ $ref: '#/components/schemas/PostSummary' });
    expect(list.properties.meta.properties.pagination.oneOf).toEqual([{ $ref: '#/components/schemas/PageMeta' }, { $ref: '#/components/schemas/CursorMeta' }]);
    expect(json('/api/posts/slug/{slug}')).toEqual({ $ref: '#/components/schemas/PostEnvelope' });
    expect(schemas.PostEnvelope.properties.data).toEqual({ $ref: '#/components/schemas/Post' });
    expect(json('/api/posts/slug/{slug}/related')).toEqual({ $ref: '#/components/schemas/RelatedPostListEnvelope' });
    expect(schemas.RelatedPostListEnvelope.properties.meta.properties.pagination).toEqual({ $ref: '#/components/schemas/TotalMeta' });
    expect(schemas.SearchHitListEnvelope.properties.meta.properties.pagination).toEqual({ $ref: '#/components/schemas/SearchMeta' });
    expect(json('/api/admin/tags/{id}')).toEqual({ $ref: '#/components/schemas/AdminTagEnvelope' });
    expect(json('/api/admin/posts', 'post', '201')).toEqual({ $ref: '#/components/schemas/AdminPostEnvelope' });
    expect(doc.paths['/api/posts/slug/{slug}'].get.responses['301']).toBeDefined();
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
    expect(doc.paths['/api/posts'].get.security).toEqual([]);
    expect(doc.paths['/health/ready'].get.security).toEqual([]);
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
