import request from 'supertest';
import { createTestApp, TestApp } from '../helpers/create-test-app';

describe('health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is live', async () => {
    await request(t.http).get('/health/live').expect(200, { status: 'ok' });
  });

  it('is ready when the database answers and migrations are applied', async () => {
    const res = await request(t.http).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('tells every cache not to store a probe answer', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const res = await request(t.http).get(path).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('is not ready (503) when a committed migration is missing from the database', async () => {
    await t.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET rolled_back_at = now()`);
    const res = await request(t.http).get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
  });
});
