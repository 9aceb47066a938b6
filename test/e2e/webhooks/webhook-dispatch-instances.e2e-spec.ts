import request from 'supertest';
import { WebhookDispatcherService } from '../../../src/modules/webhooks/webhook-dispatcher.service';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { startReceiver } from '../../helpers/webhook-receiver';

describe('webhook dispatch with two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Pollers off: the test drives both dispatchers itself, at the same moment.
    a = await createTestApp({ env: { WEBHOOKS_ENABLED: 'false' } });
    b = await createTestApp({ env: { WEBHOOKS_ENABLED: 'false' }, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('sends each queued delivery exactly once', async () => {
    const receiver = await startReceiver();
    try {
      const admin = bearer(await issueToken(a, ['webhooks:manage']));
      await request(a.http).post('/api/admin/webhooks').set(admin).send({ url: receiver.url, events: ['post.updated'] }).expect(201);
      const events = 45; // more than two batches
      await a.prisma.auditEntry.createMany({
        data: Array.from({ length: events }, (_, i) => ({ action: 'post.updated', targetType: 'post', targetId: `p-${i}` })),
      });
      const [sentByA, sentByB] = await Promise.all([a.app.get(WebhookDispatcherService).tick(), b.app.get(WebhookDispatcherService).tick()]);
      expect(sentByA + sentByB).toBe(events);
      const ids = receiver.requests.map((r) => r.headers['x-byline-delivery']);
      expect(ids).toHaveLength(events);
      expect(new Set(ids).size).toBe(events);
      expect(await a.prisma.webhookDelivery.count({ where: { status: 'DELIVERED', attempts: 1 } })).toBe(events);
    } finally {
      await receiver.close();
    }
  });
});
