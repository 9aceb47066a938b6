import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { browserAvailable, launchChromium } from '../../helpers/browser';

describe('GraphQL IDE at GET /graphql', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('serves the IDE page to browsers and GraphQL to clients on the same path', async () => {
    const page = await request(t.http).get('/graphql').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...page.text.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBe(4);
    for (const src of scripts) {
      expect(src.startsWith('/graphql-ide/')).toBe(true);
      const asset = await request(t.http).get(src);
      expect({ src, status: asset.status }).toEqual({ src, status: 200 });
      expect(asset.headers['cache-control']).toContain('immutable');
    }
    const query = await request(t.http).post('/graphql').send({ query: '{ posts(first: 1) { totalCount } }' });
    expect(query.body.data.posts.totalCount).toBeGreaterThan(0);
    expect((await request(t.http).get('/graphql-ide/0.0.0/react.js')).status).toBe(404);
  });

  it('is off when GRAPHQL_IDE=false', async () => {
    const off = await createTestApp({ env: { GRAPHQL_IDE: 'false' } });
    try {
      const res = await request(off.http).get('/graphql').set('Accept', 'text/html');
      expect(res.headers['content-type'] ?? '').not.toMatch(/^text\/html/);
    } finally {
      await off.close();
    }
  });

  (browserAvailable() ? it : it.skip)('renders in headless Chromium from local files and runs a query', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
      page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && problems.push(`off-origin ${r.url()}`));
      await page.goto(`${base}/graphql`, { waitUntil: 'load' });
      const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
      await editor.waitFor({ timeout: 30_000 });
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('{ posts(first: 2) { totalCount nodes { slug } } }');
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response').getByText('totalCount').waitFor({ timeout: 30_000 });
      const response = await page.locator('.graphiql-response').innerText();
      expect(response).toContain('"slug"');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
