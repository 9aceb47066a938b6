import request from 'supertest';
import { draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { IdempotencyKeysRepository } from '../../../src/modules/posts/idempotency-keys.repository';
import { PostWritesRepository } from '../../../src/modules/posts/post-writes.repository';
import { Prisma } from '../../../src/generated/prisma/client';

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
      const busy = await create('key-in-flight', body);
      expectProblem(busy, 409, 'IDEMPOTENCY_IN_PROGRESS');
      expect(busy.headers['retry-after']).toBe('1');
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

  describe('after a crash', () => {
    const abandon = (key: string, fields: Record<string, unknown>) =>
      t.prisma.idempotencyKey.updateMany({
        where: { key },
        data: { completed: false, responseStatus: null, responseBody: Prisma.DbNull, ...fields },
      });

    it('records the created post on the key, in the creating transaction', async () => {
      const first = await create('key-result', draftBody()).expect(201);
      const row = await t.prisma.idempotencyKey.findFirstOrThrow({ where: { key: 'key-result' } });
      expect(row).toMatchObject({ resultId: first.body.data.id, completed: true });
    });

    it('answers for a first request that created the post but died before storing its answer', async () => {
      const first = await create('key-died-after-commit', draftBody()).expect(201);
      await abandon('key-died-after-commit', {});
      const before = await writeCounts(t);
      const retry = await create('key-died-after-commit', draftBody({ title: first.body.data.title })).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.data.id).toBe(first.body.data.id);
      expect(await writeCounts(t)).toEqual(before);
      expect(await t.prisma.idempotencyKey.findFirstOrThrow({ where: { key: 'key-died-after-commit' } })).toMatchObject({ completed: true, responseStatus: 201 });
    });

    it('takes over a key whose first request died before creating anything, once its lease is over', async () => {
      const body = draftBody();
      const first = await create('key-died-before-commit', body).expect(201);
      await t.prisma.post.delete({ where: { id: first.body.data.id } }); // as if it had never been created
      await abandon('key-died-before-commit', { resultId: null, owner: 'a-process-that-died', leaseUntil: new Date(Date.now() - 1000) });
      const retry = await create('key-died-before-commit', body).expect(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(await t.prisma.post.count({ where: { id: retry.body.data.id } })).toBe(1);
      expect(await t.prisma.idempotencyKey.findFirstOrThrow({ where: { key: 'key-died-before-commit' } })).toMatchObject({ resultId: retry.body.data.id, completed: true });
    });

    it('still answers 409 IDEMPOTENCY_IN_PROGRESS while another process holds the key within its lease', async () => {
      const body = draftBody();
      await create('key-still-running', body).expect(201);
      await abandon('key-still-running', { resultId: null, owner: 'another-process', leaseUntil: new Date(Date.now() + 10_000) });
      const before = await writeCounts(t);
      expectProblem(await create('key-still-running', body), 409, 'IDEMPOTENCY_IN_PROGRESS');
      expect(await writeCounts(t)).toEqual(before);
    });

    it('lets a retry succeed at once after a first attempt failed on a database blip and could not free its key', async () => {
      const writes = t.app.get(PostWritesRepository);
      const keys = t.app.get(IdempotencyKeysRepository);
      const release = keys.release;
      const blip = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined });
      // The database "goes away" mid-write, and is still away when the key should be freed.
      writes.faultHook = (step) => {
        if (step === 'links') throw blip();
      };
      keys.release = async () => {
        throw blip();
      };
      const body = draftBody();
      try {
        const failed = await create('key-blip', body);
        expectProblem(failed, 503, 'SERVICE_UNAVAILABLE');
        expect(failed.headers['retry-after']).toBeDefined();
      } finally {
        writes.faultHook = undefined;
        keys.release = release;
      }
      expect(await t.prisma.idempotencyKey.findFirstOrThrow({ where: { key: 'key-blip' } })).toMatchObject({ completed: false, resultId: null });
      const retry = await create('key-blip', body).expect(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
      expect(await t.prisma.post.count({ where: { title: body.title as string } })).toBe(1);
    });

    it('rolls a creation back when its claim was taken over while it ran', async () => {
      const writes = t.app.get(PostWritesRepository);
      writes.faultHook = async (step) => {
        // Another request takes the key over while this one is between its steps.
        if (step === 'audit') await t.prisma.idempotencyKey.updateMany({ where: { key: 'key-taken-over' }, data: { createdAt: new Date(0) } });
      };
      try {
        const before = await writeCounts(t);
        expectProblem(await create('key-taken-over', draftBody()), 409, 'IDEMPOTENCY_IN_PROGRESS');
        const after = await writeCounts(t);
        expect({ ...after, keys: before.keys }).toEqual(before);
      } finally {
        writes.faultHook = undefined;
      }
    });
  });

  it('rejects a malformed key with 400', async () => {
    expectProblem(await create('x'.repeat(256), draftBody()), 400, 'VALIDATION_FAILED');
  });
});
