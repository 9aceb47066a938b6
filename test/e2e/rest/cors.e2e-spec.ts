import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

const ORIGIN = 'https://frontend.example';

/** Browser frontends on other origins: preflights, allowed and exposed headers, and the CORS_ORIGINS setting. */
describe('CORS', () => {
  describe('by default (any origin)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ seed: true });
    });
    afterAll(() => t.close());

    it('answers a preflight for an editor write with the headers it needs', async () => {
      const res = await request(t.http)
        .options('/api/admin/posts/6f1c7e52-8b43-4a8e-9d8e-0d7b1b0c5a11')
        .set('Origin', ORIGIN)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'authorization, content-type, if-match');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-methods']).toContain('PATCH');
      expect(res.headers['access-control-allow-headers']).toMatch(/If-Match/);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('lets a page read the ETag and request id of a public read, and of a GraphQL query', async () => {
      const rest = await request(t.http).get('/api/posts?limit=1').set('Origin', ORIGIN).expect(200);
      expect(rest.headers['access-control-allow-origin']).toBe('*');
      expect(rest.headers['access-control-expose-headers']).toEqual(expect.stringContaining('ETag'));
      expect(rest.headers['access-control-expose-headers']).toEqual(expect.stringContaining('X-Request-Id'));
      const graphql = await request(t.http).post('/graphql').set('Origin', ORIGIN).send({ query: '{ tags { totalCount } }' }).expect(200);
      expect(graphql.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('CORS_ORIGINS as a list', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { CORS_ORIGINS: `${ORIGIN}, https://preview.frontend.example` } });
    });
    afterAll(() => t.close());

    it('names a listed origin and says nothing to others', async () => {
      const listed = await request(t.http).get('/api/tags').set('Origin', ORIGIN).expect(200);
      expect(listed.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(listed.headers.vary).toMatch(/Origin/);
      const other = await request(t.http).get('/api/tags').set('Origin', 'https://elsewhere.example').expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('CORS_ORIGINS=none', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { CORS_ORIGINS: 'none' } });
    });
    afterAll(() => t.close());

    it('sends no CORS headers', async () => {
      const res = await request(t.http).get('/api/tags').set('Origin', ORIGIN).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
