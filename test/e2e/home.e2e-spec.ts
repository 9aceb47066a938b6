import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-test-app';

describe('GET / (a signpost for newcomers)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ENTRY_POINTS = ['/api/docs', '/graphql', '/api/openapi.json', '/health/live', '/health/ready'];

  it('answers JSON naming every entry point to API clients', async () => {
    for (const accept of [undefined, 'application/json', '*/*']) {
      const req = request(t.http).get('/');
      const res = await (accept ? req.set('Accept', accept) : req).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.vary).toMatch(/Accept/i);
      const hrefs = Object.values(res.body.links).map((link: any) => link.href);
      expect(hrefs).toEqual(expect.arrayContaining(ENTRY_POINTS));
    }
  });

  it('answers a short HTML page linking them to browsers', async () => {
    const res = await request(t.http)
      .get('/')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    for (const href of ENTRY_POINTS) expect(res.text).toContain(`<a href="${href}">`);
  });

  it('links only to routes that answer', async () => {
    for (const href of ['/api/openapi.json', '/health/live', '/api/posts', '/api/pages']) await request(t.http).get(href).expect(200);
    // The docs UI may redirect to a trailing slash; either way it exists.
    expect([200, 301]).toContain((await request(t.http).get('/api/docs')).status);
  });
});
