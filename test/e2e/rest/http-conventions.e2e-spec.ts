import request from 'supertest';
import { writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

/** Conventions of api.md that hold for every endpoint: 405 with Allow, 415, X-Request-Id on every answer. */
describe('HTTP conventions', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
  });
  afterAll(() => t.close());

  describe('405 Method Not Allowed', () => {
    it.each([
      ['delete', '/api/posts', 'GET, HEAD'],
      ['post', '/api/tags/slug/reading', 'GET, HEAD'],
      ['put', '/api/admin/posts', 'GET, HEAD, POST'],
      ['get', '/api/admin/tokens/6f1c7e52-8b43-4a8e-9d8e-0d7b1b0c5a11', 'DELETE'],
    ] as const)('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const res = await request(t.http)[method](path).set(bearer(token));
      expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.allow).toBe(allow);
    });

    it('still answers 404 for a path no route serves', async () => {
      const res = await request(t.http).delete('/api/nothing-here');
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.headers.allow).toBeUndefined();
    });
  });

  describe('415 Unsupported Media Type', () => {
    it.each([
      ['a form post', 'application/x-www-form-urlencoded', 'title=From+a+form&markdown=Hello'],
      ['plain text', 'text/plain', '{"title":"Typed as text","markdown":"Hello"}'],
      ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nT\r\n--x--\r\n'],
    ])('refuses %s body and writes nothing', async (_kind, type, body) => {
      const before = await writeCounts(t);
      const res = await request(t.http).post('/api/admin/posts').set(bearer(token)).set('Content-Type', type).send(body);
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await writeCounts(t)).toEqual(before);
    });

    it('accepts JSON with a charset and the +json suffix', async () => {
      await request(t.http)
        .post('/api/admin/posts')
        .set(bearer(token))
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ title: 'JSON with charset', markdown: 'Hello' }))
        .expect(201);
      await request(t.http)
        .post('/api/admin/posts')
        .set(bearer(token))
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ title: 'JSON with a suffix', markdown: 'Hello' }))
        .expect(201);
    });

    it('lets bodiless POSTs through (publish takes no body)', async () => {
      const created = await request(t.http).post('/api/admin/posts').set(bearer(token)).send({ title: 'To publish bodiless', markdown: 'Hi' }).expect(201);
      await request(t.http).post(`/api/admin/posts/${created.body.data.id}/publish`).set(bearer(token)).expect(200);
    });
  });

  describe('X-Request-Id', () => {
    it('is on answers refused while the body is parsed, and matches the problem', async () => {
      const malformed = await request(t.http).post('/api/admin/posts').set(bearer(token)).set('Content-Type', 'application/json').send('{"title": ');
      expectProblem(malformed, 400, 'VALIDATION_FAILED');
      expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(malformed.body.requestId).toBe(malformed.headers['x-request-id']);

      const huge = await request(t.http)
        .post('/api/admin/posts')
        .set(bearer(token))
        .set('X-Request-Id', 'too-large-1')
        .send({ title: 'Huge', markdown: 'x'.repeat(1_200_000) });
      expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE');
      expect(huge.headers['x-request-id']).toBe('too-large-1');
      expect(huge.body.requestId).toBe('too-large-1');

      const unsupported = await request(t.http).post('/api/admin/posts').set(bearer(token)).set('Content-Type', 'text/plain').send('x');
      expect(unsupported.body.requestId).toBe(unsupported.headers['x-request-id']);
      expect(unsupported.body.requestId).not.toBe('');
    });

    it('is the same id in the header and in the log-facing problem for a 405', async () => {
      const res = await request(t.http).delete('/api/posts').set('X-Request-Id', 'method-check');
      expect(res.headers['x-request-id']).toBe('method-check');
      expect(res.body.requestId).toBe('method-check');
    });
  });
});
