import request from 'supertest';
import { draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { PostWritesRepository } from '../../../src/modules/posts/post-writes.repository';

describe('REST POST /api/admin/posts with Idempotency-Key', () => {
  let t: TestApp;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    editor = bearer(await issueToken(t, ['content:read', 'content:write']));
  });
  afterAll(() => t.close());

  const create = (key: string, body: object, auth = editor) => request(t.http).post('/api/admin/posts').set(auth).set('Idempotency-Key', key).send(body);

  it('replays the first response (status, body, Location) for a retry with the same key and body, creating nothing', async () => {
    const body = draftBody({ tags: ['writing'] });
    const first = await create('key-replay-1', body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await writeCounts(t);
    const retry = await create('key-replay-1', { ...body }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('treats the body canonically: the same fields in another order replay', async () => {
    const body = { markdown: 'Order test', title: 'Order independent' };
    await create('key-order', body).expect(201);
    const retry = await create('key-order', { title: 'Order independent', markdown: 'Order test' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('answers 422 for the same key with a different body, and writes nothing', async () => {
    await create('key-mismatch', draftBody()).expect(201);
    const before = await writeCounts(t);
    expectProblem(await create('key-mismatch', draftBody()), 422, 'UNPROCESSABLE');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('answers 409 for a duplicate while the first request is still in flight, then replays once it completes', async () => {
    const writes = t.app.get(PostWritesRepository);
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const atHook = new Promise<void>((r) => (reached = r));
    writes.faultHook = async (step) => {
      if (step !== 'audit') return;
      reached();
      await gate;
    };
    const body = draftBody();
    try {
      const first = create('key-in-flight', body).then((r) => r);
      await atHook;
      expectProblem(await create('key-in-flight', body), 409, 'CONFLICT');
      release();
      expect((await first).status).toBe(201);
    } finally {
      writes.faultHook = undefined;
    }
    const replay = await create('key-in-flight', body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('scopes keys per token: another token may reuse the key', async () => {
    const body = draftBody();
    await create('key-shared', body).expect(201);
    const other = bearer(await issueToken(t, ['content:write']));
    const res = await create('key-shared', body, other).expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('ignores an expired key and creates again', async () => {
    const body = draftBody();
    const first = await create('key-expired', body).expect(201);
    await t.prisma.idempotencyKey.updateMany({ where: { key: 'key-expired' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const again = await create('key-expired', body).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.data.id).not.toBe(first.body.data.id);
  });

  it('frees the key when the first attempt fails, so a corrected retry can use it', async () => {
    expectProblem(await create('key-failed', draftBody({ authors: ['nobody'] })), 400, 'VALIDATION_FAILED');
    expect(await t.prisma.idempotencyKey.count({ where: { key: 'key-failed' } })).toBe(0);
    await create('key-failed', draftBody()).expect(201);
  });

  it('rejects a malformed key with 400', async () => {
    expectProblem(await create('x'.repeat(256), draftBody()), 400, 'VALIDATION_FAILED');
  });
});
