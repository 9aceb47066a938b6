import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { ResponseSchemaCheck } from '../../helpers/response-schema-check';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The check every test app runs on its answers (create-test-app.ts) must be able to fail. */
describe('the response check against the OpenAPI document', () => {
  let t: TestApp;
  let check: ResponseSchemaCheck;
  let tag: Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp();
    check = new ResponseSchemaCheck((await request(t.http).get('/api/openapi.json').expect(200)).body);
    const social = { x: null, mastodon: null, bluesky: null, threads: null, github: null, linkedin: null, facebook: null, instagram: null, youtube: null };
    tag = { id: '0f8b5d1e-4c2a-4e7b-9a51-6d3c2b1a0e9f', slug: 'writing', name: 'Writing', description: null, image: null, social, postCount: 3 };
  });
  afterAll(() => t.close());

  it('accepts an answer as documented', () => {
    expect(check.check('GET', '/api/tags/slug/writing', 200, 'application/json; charset=utf-8', json({ data: tag }))).toBeUndefined();
    expect(check.check('GET', '/api/tags/slug/writing', 304, undefined, Buffer.alloc(0))).toBeUndefined();
  });

  it('refuses a body that misses a required field or has a wrong type', () => {
    const { postCount: _postCount, ...withoutCount } = tag;
    expect(check.check('GET', '/api/tags/slug/writing', 200, 'application/json', json({ data: withoutCount }))).toMatch(/postCount/);
    expect(check.check('GET', '/api/tags/slug/writing', 200, 'application/json', json({ data: { ...tag, description: 7 } }))).toMatch(/description/);
    expect(check.check('GET', '/api/tags', 200, 'application/json', json({ data: [tag] }))).toMatch(/meta/);
  });

  it('refuses a status the operation does not document, and a problem body that is not ProblemDetails', () => {
    expect(check.check('GET', '/api/tags', 404, 'application/problem+json', json({}))).toMatch(/404 is not documented/);
    expect(check.check('GET', '/api/tags/slug/x', 404, 'application/problem+json', json({ status: 404 }))).toMatch(/required/);
  });

  it('lets `fields=` leave out required keys, and only then', () => {
    expect(check.check('GET', '/api/posts?fields=title', 200, 'application/json', json({ data: [{ id: tag.id, title: 'T' }], meta: { pagination: { limit: 1, page: 1, pages: 1, total: 1, next: null, prev: null } } }))).toBeUndefined();
    expect(check.check('GET', '/api/posts', 200, 'application/json', json({ data: [{ id: tag.id, title: 'T' }], meta: { pagination: { limit: 1, page: 1, pages: 1, total: 1, next: null, prev: null } } }))).toMatch(/required/);
  });
});
