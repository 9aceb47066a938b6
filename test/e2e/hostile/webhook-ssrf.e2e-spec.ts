import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';

/** A local HTTP server that counts requests and answers with `respond`. */
async function listen(host: string, respond: (res: import('node:http').ServerResponse) => void = (res) => res.end()) {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => respond(res));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// Retries are near-immediate so that a refused delivery reaches FAILED within the test.
const FAST = { WEBHOOKS_ENABLED: 'true', WEBHOOK_POLL_INTERVAL_MS: '50', WEBHOOK_RETRY_BASE_MS: '1' };

async function deliveryOutcome(t: TestApp, url: string) {
  const admin = bearer(await issueToken(t, ['webhooks:manage']));
  const hook = await request(t.http).post('/api/admin/webhooks').set(admin).send({ url, events: ['post.published'] }).expect(201);
  await t.prisma.auditEntry.create({ data: { action: 'post.published', targetType: 'post', targetId: `p-${Date.now()}` } });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await t.prisma.webhookDelivery.findMany({ where: { webhookId: hook.body.data.id } });
    if (rows.length === 1 && rows[0].status !== 'PENDING') return rows[0];
    if (Date.now() > deadline) throw new Error(`delivery still pending: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbound webhooks cannot reach internal services by default', () => {
  describe('default policy', () => {
    let t: TestApp;
    let internal: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      t = await createTestApp({ env: { ...FAST, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' } });
      internal = await listen('127.0.0.1');
    });
    afterAll(async () => {
      await internal.close();
      await t.close();
    });

    it.each([
      ['a name that resolves to 127.0.0.1', (port: number) => `http://localhost:${port}/hook`, /destination refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/],
      ['a literal loopback IP', (port: number) => `http://127.0.0.1:${port}/hook`, /destination refused: 127\.0\.0\.1 is a loopback address/],
      ['an IPv4-mapped IPv6 literal', (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`, /destination refused: ::ffff:7f00:1 is a loopback address|destination refused: .* loopback/],
      ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', /destination refused: 169\.254\.169\.254 is a linkLocal address/],
    ])('refuses %s: the delivery fails with the reason and nothing is contacted', async (_case, url, reason) => {
      const before = internal.hits();
      const delivery = await deliveryOutcome(t, url(internal.port));
      expect(delivery).toMatchObject({ status: 'FAILED', lastStatusCode: null });
      expect(delivery.lastError).toMatch(reason);
      expect(delivery.lastError).toMatch(/WEBHOOK_ALLOW_PRIVATE_NETWORKS/);
      expect(internal.hits()).toBe(before);
    });
  });

  describe('with an allow-list', () => {
    let t: TestApp;
    let internal: Awaited<ReturnType<typeof listen>>;
    let receiver: Awaited<ReturnType<typeof listen>>;
    let redirector: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      // 127.0.0.2 is loopback too (all of 127/8 is), but outside the allow-list: the "internal service".
      internal = await listen('127.0.0.2');
      receiver = await listen('127.0.0.1');
      redirector = await listen('127.0.0.1', (res) => {
        res.writeHead(307, { Location: `http://127.0.0.2:${internal.port}/admin` });
        res.end();
      });
      t = await createTestApp({ env: { ...FAST, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' } });
    });
    afterAll(async () => {
      await Promise.all([internal.close(), receiver.close(), redirector.close()]);
      await t.close();
    });

    it('delivers to an allowed address', async () => {
      const delivery = await deliveryOutcome(t, `http://127.0.0.1:${receiver.port}/hook`);
      expect(delivery).toMatchObject({ status: 'DELIVERED', lastStatusCode: 200 });
      expect(receiver.hits()).toBe(1);
    });

    it('refuses an address outside the list', async () => {
      const delivery = await deliveryOutcome(t, `http://127.0.0.2:${internal.port}/hook`);
      expect(delivery.status).toBe('FAILED');
      expect(delivery.lastError).toMatch(/destination refused: 127\.0\.0\.2 is a loopback address/);
      expect(internal.hits()).toBe(0);
    });

    it('does not follow a redirect to an internal address', async () => {
      const delivery = await deliveryOutcome(t, `http://127.0.0.1:${redirector.port}/hook`);
      expect(delivery).toMatchObject({ status: 'FAILED', lastStatusCode: 307 });
      expect(delivery.lastError).toMatch(/redirects are not followed/);
      expect(redirector.hits()).toBeGreaterThan(0);
      expect(internal.hits()).toBe(0);
    });
  });
});
