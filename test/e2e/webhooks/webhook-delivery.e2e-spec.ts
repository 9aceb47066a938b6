import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { hasValidSignature, startReceiver, WebhookReceiver } from '../../helpers/webhook-receiver';

const RETRY_BASE_MS = 300;
const postsAdminExists = existsSync(join(__dirname, '../../../src/modules/posts/posts-admin.controller.ts'));

describe('webhook events: queued by the audit_log trigger, sent by the dispatcher', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      env: { WEBHOOKS_ENABLED: 'true', WEBHOOK_POLL_INTERVAL_MS: '50', WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS) },
    });
    admin = bearer(await issueToken(t, ['webhooks:manage']));
  });
  afterEach(async () => {
    // Each test subscribes its own receivers; drop them so later events do not reach closed ports.
    await t.prisma.webhook.deleteMany();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(() => t.close());

  async function receiverWithWebhook(events: string[], opts: { active?: boolean; status?: (n: number) => number } = {}) {
    const receiver = await startReceiver(opts.status);
    receivers.push(receiver);
    const res = await request(t.http).post('/api/admin/webhooks').set(admin).send({ url: receiver.url, events, active: opts.active }).expect(201);
    return { receiver, id: res.body.data.id as string, secret: res.body.data.secret as string };
  }
  const audit = (action: string, targetType: string, targetId: string, requestId: string | null = null) =>
    t.prisma.auditEntry.create({ data: { action, targetType, targetId, requestId } });
  const deliveriesOf = (webhookId: string) => t.prisma.webhookDelivery.findMany({ where: { webhookId } });

  it('queues one delivery per active subscribed webhook, and none for the others', async () => {
    const subscribed = await receiverWithWebhook(['post.published']);
    const alsoSubscribed = await receiverWithWebhook(['post.updated', 'post.published']);
    const tagsOnly = await receiverWithWebhook(['tag.*']);
    const inactive = await receiverWithWebhook(['post.published'], { active: false });
    await audit('post.published', 'post', 'p-1', 'req-1');
    await audit('post.created', 'post', 'p-1');
    await audit('token.created', 'api_token', 't-1');

    for (const hook of [subscribed, alsoSubscribed]) {
      const rows = await deliveriesOf(hook.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ event: 'post.published' });
      const payload = rows[0].payload as Record<string, unknown>;
      expect(payload).toEqual({
        id: rows[0].id,
        type: 'post.published',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        event: 'post.published',
        occurredAt: payload.timestamp,
        target: { type: 'post', id: 'p-1' },
        requestId: 'req-1',
        // An id that names no post: the event still goes out, with what it knows.
        data: { type: 'post', id: 'p-1' },
      });
    }
    expect(await deliveriesOf(tagsOnly.id)).toHaveLength(0);
    expect(await deliveriesOf(inactive.id)).toHaveLength(0);
  });

  it('maps post.restored to post.updated and tag actions to the tag.* wildcard', async () => {
    const posts = await receiverWithWebhook(['post.updated']);
    const tags = await receiverWithWebhook(['tag.*']);
    await audit('post.restored', 'post', 'p-2');
    await audit('tag.created', 'tag', 't-1');
    await audit('tag.deleted', 'tag', 't-1');
    expect((await deliveriesOf(posts.id)).map((d) => d.event)).toEqual(['post.updated']);
    expect((await deliveriesOf(tags.id)).map((d) => d.event).sort()).toEqual(['tag.created', 'tag.deleted']);
  });

  it('queues nothing when the change rolls back: event and change are all or nothing', async () => {
    const hook = await receiverWithWebhook(['post.deleted']);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.auditEntry.create({ data: { action: 'post.deleted', targetType: 'post', targetId: 'p-3' } });
        throw new Error('fault after the audit row');
      }),
    ).rejects.toThrow('fault after the audit row');
    expect(await deliveriesOf(hook.id)).toHaveLength(0);
  });

  it('delivers the event to the receiver, signed with the secret returned on create', async () => {
    const { receiver, id, secret } = await receiverWithWebhook(['post.published']);
    await audit('post.published', 'post', 'p-4', 'req-4');
    const [req] = await receiver.waitFor(1);
    const [row] = await deliveriesOf(id);
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-byline-event']).toBe('post.published');
    expect(req.headers['x-byline-delivery']).toBe(row.id);
    expect(req.headers['x-byline-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hasValidSignature(req, secret)).toBe(true);
    expect(hasValidSignature(req, `${secret}x`)).toBe(false);
    expect(JSON.parse(req.body)).toEqual(expect.objectContaining({ id: row.id, event: 'post.published', target: { type: 'post', id: 'p-4' }, requestId: 'req-4' }));
    await waitUntil(async () => (await deliveriesOf(id))[0].status === 'DELIVERED');
    expect((await deliveriesOf(id))[0]).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, deliveredAt: expect.any(Date) });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries a failing receiver with exponential backoff until it succeeds', async () => {
    const { receiver, id } = await receiverWithWebhook(['tag.*'], { status: (n) => (n <= 2 ? 500 : 204) });
    await audit('tag.updated', 'tag', 't-5');
    const [first, second, third] = await receiver.waitFor(3, 15_000);
    expect(second.at - first.at).toBeGreaterThanOrEqual(RETRY_BASE_MS - 50);
    expect(third.at - second.at).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 50);
    expect(new Set([first, second, third].map((r) => r.headers['x-byline-delivery'])).size).toBe(1);
    await waitUntil(async () => (await deliveriesOf(id))[0].status === 'DELIVERED');
    expect((await deliveriesOf(id))[0]).toMatchObject({ attempts: 3, lastStatusCode: 204 });
  });

  it('records the failure of an unreachable receiver and keeps the delivery pending', async () => {
    const { receiver, id } = await receiverWithWebhook(['post.deleted']);
    await receiver.close();
    const queuedAt = Date.now();
    await audit('post.deleted', 'post', 'p-6');
    await waitUntil(async () => (await deliveriesOf(id))[0]?.attempts >= 1);
    const [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ status: 'PENDING', lastStatusCode: null, lastError: expect.stringMatching(/^request failed/) });
    // The retry is scheduled a backoff after the failed attempt (which came after queuedAt). Comparing
    // with "now" instead raced the short test backoff on a slow machine.
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(queuedAt + RETRY_BASE_MS - 50);
  });

  (postsAdminExists ? it : it.skip)('sends post.published when a post is published through the editor API', async () => {
    const { receiver, secret } = await receiverWithWebhook(['post.published']);
    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const { id } = await createDraft(t, token);
    const res = await request(t.http).post(`/api/admin/posts/${id}/publish`).set(bearer(token)).send({}).expect(200);
    const [req] = await receiver.waitFor(1);
    expect(hasValidSignature(req, secret)).toBe(true);
    expect(JSON.parse(req.body)).toMatchObject({ event: 'post.published', target: { type: 'post', id }, requestId: res.headers['x-request-id'] });
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
