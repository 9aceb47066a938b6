import { connect, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

/** Opens a raw connection, writes `text`, and collects what comes back until the server closes it. */
function rawExchange(port: number, text: string, deadlineMs = 20_000): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`server kept the connection open for ${deadlineMs} ms; got ${JSON.stringify(response.slice(0, 200))}`));
    }, deadlineMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
  });
}

describe('HTTP hardening: security headers, body limit and slow clients', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_BODY_TIMEOUT_MS: '1500', HTTP_REQUEST_TIMEOUT_MS: '60000' } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  describe('security headers', () => {
    it.each([
      ['a JSON list', () => request(t.http).get('/api/posts')],
      ['a problem response', () => request(t.http).get('/api/posts/slug/no-such-post')],
      ['GraphQL', () => request(t.http).post('/graphql').send({ query: '{ __typename }' })],
      ['the OpenAPI document', () => request(t.http).get('/api/openapi.json')],
    ])('locks down %s', async (_case, send) => {
      const res = await send();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('serves the docs page under a CSP that allows exactly what the page loads', async () => {
      const res = await request(t.http).get('/api/docs/').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const csp = String(res.headers['content-security-policy']);
      const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
      expect(directive('script-src')).toBe("script-src 'self'");
      expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');

      const html = res.text;
      // Every script is an external file from this origin: no inline script the CSP would block.
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(inline.trim()).toBe('');
        expect(attributes).toMatch(/src=['"](?!https?:|\/\/)[^'"]+['"]/);
      }
      // Inline <style> needs 'unsafe-inline' in style-src; stylesheets come from this origin.
      if (/<style[\s>]/.test(html)) expect(directive('style-src')).toContain("'unsafe-inline'");
      const stylesheets = [...html.matchAll(/<link[^>]*rel=['"]stylesheet['"][^>]*>/g)].map((m) => /href=['"]([^'"]+)['"]/.exec(m[0])![1]);
      expect(stylesheets.length).toBeGreaterThan(0);
      // The page's assets are served, with types a nosniff browser will execute and apply.
      const base = new URL(res.request.url);
      for (const [, attributes] of scripts) {
        const src = /src=['"]([^'"]+)['"]/.exec(attributes)![1];
        const asset = await request(t.http).get(new URL(src, base).pathname).expect(200);
        expect(asset.headers['content-type']).toMatch(/javascript/);
      }
      for (const href of stylesheets) {
        const asset = await request(t.http).get(new URL(href, base).pathname).expect(200);
        expect(asset.headers['content-type']).toMatch(/text\/css/);
      }
    });
  });

  it('answers 413 at once for a declared 20 MB body, without waiting for it', async () => {
    const { response, closedAfterMs } = await rawExchange(
      port,
      'POST /api/admin/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n',
    );
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toMatch(/application\/problem\+json/);
    expect(response).toContain('"code":"PAYLOAD_TOO_LARGE"');
    // Well before the 1.5 s body deadline: nothing of the body was awaited.
    expect(closedAfterMs).toBeLessThan(1500);
  });

  it('answers 408 REQUEST_TIMEOUT to a body that stalls, and closes the connection', async () => {
    const { response, closedAfterMs } = await rawExchange(
      port,
      'POST /api/admin/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"title":',
    );
    expect(response).toMatch(/^HTTP\/1\.1 408 /);
    expect(response).toContain('"code":"REQUEST_TIMEOUT"');
    expect(closedAfterMs).toBeGreaterThanOrEqual(1400);
  });

  it('drops a client that never finishes its headers', async () => {
    const { response } = await rawExchange(port, 'GET /api/posts HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    // Node answers 408 (or just closes) once the headers timeout has passed; never a 200 later.
    expect(response === '' || /^HTTP\/1\.1 408 /.test(response)).toBe(true);
  });
});
