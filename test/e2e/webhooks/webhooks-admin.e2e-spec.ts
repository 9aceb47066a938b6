import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const BASE = '/api/admin/webhooks';
const valid = { url: 'https://example.com/hooks/byline', events: ['post.published', 'tag.*'] };

describe('REST /api/admin/webhooks', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = bearer(await issueToken(t, ['webhooks:manage']));
  });
  afterAll(() => t.close());

  const create = (body: object) => request(t.http).post(BASE).set(admin).send(body);

  it('keeps a URL\'s credentials and query out of the audit log (the webhook keeps them)', async () => {
    const url = 'https://bot:s3cret@hooks.example.com/in?token=abc123';
    const res = await create({ url, events: ['post.published'] }).expect(201);
    expect(res.body.data.url).toBe(url);
    const entry = await t.prisma.auditEntry.findFirstOrThrow({ where: { targetId: res.body.data.id, action: 'webhook.created' } });
    expect(JSON.stringify(entry.details)).not.toMatch(/s3cret|abc123/);
    expect(entry.details).toMatchObject({ url: 'https://hooks.example.com/in (credentials and query hidden)' });
  });

  it('creates a webhook, shows its secret once and never again', async () => {
    const res = await create({ ...valid, description: 'Rebuild the site' }).expect(201);
    expect(res.body.data).toEqual({
      id: expect.any(String),
      url: valid.url,
      events: valid.events,
      active: true,
      description: 'Rebuild the site',
      secret: expect.stringMatching(/^whsec_/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.headers['cache-control']).toMatch(/private, no-store/);
    const id = res.body.data.id as string;
    const one = await request(t.http).get(`${BASE}/${id}`).set(admin).expect(200);
    expect(one.body.data).not.toHaveProperty('secret');
    const all = await request(t.http).get(BASE).set(admin).expect(200);
    expect(all.body.data.map((w: { id: string }) => w.id)).toContain(id);
    expect(JSON.stringify(all.body)).not.toContain(res.body.data.secret);
    expect(await t.prisma.auditEntry.count({ where: { targetId: id, action: 'webhook.created' } })).toBe(1);
  });

  it('accepts loopback and intranet receivers without a TLD', async () => {
    await create({ url: 'http://127.0.0.1:8080/x', events: ['post.deleted'] }).expect(201);
    await create({ url: 'http://builder:3000/hook', events: ['post.updated'], active: false }).expect(201);
  });

  it('updates fields partially, clears the description with null, and deletes', async () => {
    const { id } = (await create({ ...valid, description: 'x' }).expect(201)).body.data;
    const patched = await request(t.http).patch(`${BASE}/${id}`).set(admin).send({ events: ['post.unpublished'], description: null }).expect(200);
    expect(patched.body.data).toMatchObject({ url: valid.url, events: ['post.unpublished'], description: null, active: true });
    const off = await request(t.http).patch(`${BASE}/${id}`).set(admin).send({ active: false }).expect(200);
    expect(off.body.data.active).toBe(false);
    await request(t.http).delete(`${BASE}/${id}`).set(admin).expect(204);
    expectProblem(await request(t.http).get(`${BASE}/${id}`).set(admin), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).delete(`${BASE}/${id}`).set(admin), 404, 'NOT_FOUND');
  });

  it('deactivating a webhook cancels its pending deliveries', async () => {
    const { id } = (await create(valid).expect(201)).body.data;
    await t.prisma.auditEntry.create({ data: { action: 'post.published', targetType: 'post', targetId: 'x' } });
    await request(t.http).patch(`${BASE}/${id}`).set(admin).send({ active: false }).expect(200);
    const res = await request(t.http).get(`${BASE}/${id}/deliveries`).set(admin).expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ status: 'FAILED', lastError: expect.stringMatching(/deactivated/) })]);
    expect(res.body.meta.pagination).toMatchObject({ total: 1, page: 1 });
  });

  it.each([
    ['a relative url', { ...valid, url: '/hooks' }, 'url'],
    ['a non-http url', { ...valid, url: 'ftp://example.com/x' }, 'url'],
    ['a url that is not one', { ...valid, url: 'not a url' }, 'url'],
    ['no url', { events: valid.events }, 'url'],
    ['an unknown event', { ...valid, events: ['post.created'] }, 'events'],
    ['no events', { ...valid, events: [] }, 'events'],
    ['a repeated event', { ...valid, events: ['tag.*', 'tag.*'] }, 'events'],
    ['events as a string', { ...valid, events: 'post.published' }, 'events'],
    ['a non-boolean active', { ...valid, active: 'yes' }, 'active'],
    ['an unknown field', { ...valid, secret: 'mine' }, 'secret'],
  ])('refuses to create with %s (400, field named, nothing stored)', async (_name, body, field) => {
    const before = await t.prisma.webhook.count();
    const problem = expectProblem(await create(body), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await t.prisma.webhook.count()).toBe(before);
  });

  it('refuses bad updates, ids and query parameters with 400 and unknown ids with 404', async () => {
    const { id } = (await create(valid).expect(201)).body.data;
    const patch = (body: object) => request(t.http).patch(`${BASE}/${id}`).set(admin).send(body);
    expectProblem(await patch({ events: null }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ url: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ secret: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get(`${BASE}/not-a-uuid`).set(admin), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get(`${BASE}/${id}/deliveries?status=SENT`).set(admin), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).get(`${BASE}/${id}/deliveries?bogus=1`).set(admin), 400, 'VALIDATION_FAILED');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await request(t.http).patch(`${BASE}/${unknown}`).set(admin).send({ active: false }), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get(`${BASE}/${unknown}/deliveries`).set(admin), 404, 'NOT_FOUND');
  });

  describe('access', () => {
    let id: string;
    let counts: () => Promise<number[]>;

    beforeAll(async () => {
      id = (await create(valid).expect(201)).body.data.id;
      counts = () => Promise.all([t.prisma.webhook.count(), t.prisma.webhookDelivery.count(), t.prisma.auditEntry.count()]);
    });

    const calls: [string, (h: Record<string, string>) => request.Test][] = [
      ['POST', (h) => request(t.http).post(BASE).set(h).send(valid)],
      ['GET list', (h) => request(t.http).get(BASE).set(h)],
      ['GET one', (h) => request(t.http).get(`${BASE}/${id}`).set(h)],
      ['PATCH', (h) => request(t.http).patch(`${BASE}/${id}`).set(h).send({ active: false })],
      ['DELETE', (h) => request(t.http).delete(`${BASE}/${id}`).set(h)],
      ['GET deliveries', (h) => request(t.http).get(`${BASE}/${id}/deliveries`).set(h)],
    ];

    it.each(calls)('%s: 401 without a token or with an unknown one, 403 without the scope; no side effect', async (_name, call) => {
      const other = bearer(await issueToken(t, ['content:read', 'content:write', 'content:publish', 'tokens:manage']));
      const before = await counts();
      expectProblem(await call({}), 401, 'UNAUTHENTICATED');
      expectProblem(await call({ Authorization: `Bearer byl_${'A'.repeat(43)}` }), 401, 'UNAUTHENTICATED');
      expectProblem(await call(other), 403, 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      expect((await t.prisma.webhook.findUniqueOrThrow({ where: { id } })).active).toBe(true);
    });
  });
});
