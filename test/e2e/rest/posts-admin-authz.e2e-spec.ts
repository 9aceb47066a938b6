import request from 'supertest';
import type { Scope } from '../../../src/common/auth/access.decorators';
import { SCOPES } from '../../../src/common/auth/access.decorators';
import { createDraft, draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

interface Fixture {
  id: string;
  etag: string;
}
interface Operation {
  name: string;
  scope: Scope;
  published?: boolean;
  call: (f: Fixture, headers: Record<string, string>) => request.Test;
}

describe('REST /api/admin/posts authorisation matrix', () => {
  let t: TestApp;
  let token: string;
  const http = () => request(t.http);
  const OPS: Operation[] = [
    { name: 'GET list', scope: 'content:read', call: (_f, h) => http().get('/api/admin/posts?status=DRAFT').set(h) },
    { name: 'GET one', scope: 'content:read', call: (f, h) => http().get(`/api/admin/posts/${f.id}`).set(h) },
    { name: 'GET revisions', scope: 'content:read', call: (f, h) => http().get(`/api/admin/posts/${f.id}/revisions`).set(h) },
    { name: 'POST create', scope: 'content:write', call: (_f, h) => http().post('/api/admin/posts').set(h).set('Idempotency-Key', 'authz').send(draftBody()) },
    { name: 'PATCH', scope: 'content:write', call: (f, h) => http().patch(`/api/admin/posts/${f.id}`).set(h).set('If-Match', f.etag).send({ title: 'Denied?' }) },
    { name: 'DELETE', scope: 'content:write', call: (f, h) => http().delete(`/api/admin/posts/${f.id}`).set(h).set('If-Match', f.etag) },
    { name: 'restore', scope: 'content:write', call: (f, h) => http().post(`/api/admin/posts/${f.id}/revisions/1/restore`).set(h).set('If-Match', f.etag) },
    { name: 'publish', scope: 'content:publish', call: (f, h) => http().post(`/api/admin/posts/${f.id}/publish`).set(h).send({}) },
    { name: 'schedule', scope: 'content:publish', call: (f, h) => http().post(`/api/admin/posts/${f.id}/publish`).set(h).send({ publishAt: new Date(Date.now() + 3_600_000).toISOString() }) },
    { name: 'unpublish', scope: 'content:publish', published: true, call: (f, h) => http().post(`/api/admin/posts/${f.id}/unpublish`).set(h) },
  ];

  let kinds: [string, Record<string, string>, number, Scope?][];
  let draft: Fixture;
  let published: Fixture;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const all = [...SCOPES];
    kinds = [
      ['no token', {}, 401],
      ['a malformed token', { Authorization: 'Bearer not-a-token' }, 401],
      ['an unknown token', { Authorization: `Bearer byl_${'A'.repeat(43)}` }, 401],
      ['an expired token', bearer(await issueToken(t, all, { expired: true })), 401],
      ['a revoked token', bearer(await issueToken(t, all, { revoked: true })), 401],
    ];
    for (const scope of SCOPES) kinds.push([`a ${scope} token`, bearer(await issueToken(t, [scope])), 403, scope]);
    draft = await createDraft(t, token);
    const p = await createDraft(t, token);
    const res = await http().post(`/api/admin/posts/${p.id}/publish`).set(bearer(token)).expect(200);
    published = { id: p.id, etag: res.headers.etag };
  });
  afterAll(() => t.close());

  it('refuses every operation for every token kind that lacks its scope, with no side effect', async () => {
    const checked: string[] = [];
    for (const op of OPS) {
      for (const [label, headers, status, scope] of kinds) {
        if (scope === op.scope) continue;
        const before = await writeCounts(t);
        const res = await op.call(op.published ? published : draft, headers);
        expectProblem(res, status, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect({ op: op.name, label, counts: await writeCounts(t) }).toEqual({ op: op.name, label, counts: before });
        checked.push(`${op.name} × ${label}`);
      }
    }
    expect(checked.length).toBe(OPS.length * (kinds.length - 1));
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ status: 'PUBLISHED', version: 2 });
  });

  it.each(OPS.map((op) => [op.name, op] as const))('allows %s with exactly its scope', async (_name, op) => {
    const fixture = await createDraft(t, token);
    let target: Fixture = fixture;
    if (op.published) {
      const res = await http().post(`/api/admin/posts/${fixture.id}/publish`).set(bearer(token)).expect(200);
      target = { id: fixture.id, etag: res.headers.etag };
    }
    const res = await op.call(target, bearer(await issueToken(t, [op.scope])));
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
  });
});
