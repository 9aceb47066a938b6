import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Scope } from '../../../src/common/auth/access.decorators';
import { SCOPES } from '../../../src/common/auth/access.decorators';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

type Kind = 'tag' | 'author';
interface Target { id: string; etag: string }
interface Op {
  name: string;
  kind: Kind;
  scope: Scope;
  rest?: (t: TestApp, target: Target, auth: Record<string, string>) => Promise<{ status: number }>;
  graphql?: { query: string; variables: (target: Target) => Record<string, unknown> };
}

const path = (kind: Kind) => `/api/admin/${kind}s`;
const unique = () => randomBytes(4).toString('hex');
const input = (kind: Kind) => (kind === 'tag' ? 'Tag' : 'Author');

const ops: Op[] = (['tag', 'author'] as const).flatMap((kind): Op[] => [
  { name: `GET ${path(kind)}`, kind, scope: 'content:read', rest: (t, _x, h) => request(t.http).get(path(kind)).set(h) },
  { name: `GET ${path(kind)}/:id`, kind, scope: 'content:read', rest: (t, x, h) => request(t.http).get(`${path(kind)}/${x.id}`).set(h) },
  {
    name: `create ${kind}`, kind, scope: 'content:write',
    rest: (t, _x, h) => request(t.http).post(path(kind)).set(h).send({ name: `New ${unique()}` }),
    graphql: { query: `mutation($i: Create${input(kind)}Input!) { create${input(kind)}(input: $i) { id } }`, variables: () => ({ i: { name: `New ${unique()}` } }) },
  },
  {
    name: `update ${kind}`, kind, scope: 'content:write',
    rest: (t, x, h) => request(t.http).patch(`${path(kind)}/${x.id}`).set(h).set('If-Match', x.etag).send({ name: 'Renamed' }),
    graphql: {
      query: `mutation($id: ID!, $m: String) { update${input(kind)}(id: $id, input: { name: "Renamed" }, ifMatch: $m) { id } }`,
      variables: (x) => ({ id: x.id, m: x.etag }),
    },
  },
  {
    name: `delete ${kind}`, kind, scope: 'content:write',
    rest: (t, x, h) => request(t.http).delete(`${path(kind)}/${x.id}`).set(h).set('If-Match', x.etag),
    graphql: { query: `mutation($id: ID!, $m: String) { delete${input(kind)}(id: $id, ifMatch: $m) { id } }`, variables: (x) => ({ id: x.id, m: x.etag }) },
  },
]);

describe('tag and author editor API: authorisation matrix (REST and GraphQL)', () => {
  let t: TestApp;
  const auth = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    auth.set('none', {});
    auth.set('malformed', { Authorization: 'Bearer not-a-token' });
    auth.set('unknown', { Authorization: `Bearer byl_${'A'.repeat(43)}` });
    auth.set('expired', bearer(await issueToken(t, [...SCOPES], { expired: true })));
    auth.set('revoked', bearer(await issueToken(t, [...SCOPES], { revoked: true })));
    for (const scope of SCOPES) auth.set(scope, bearer(await issueToken(t, [scope])));
  });
  afterAll(() => t.close());

  const kinds = ['none', 'malformed', 'unknown', 'expired', 'revoked', ...SCOPES];
  const expected = (op: Op, who: string) => (!SCOPES.includes(who as Scope) ? 401 : who === op.scope ? 200 : 403);

  async function arrange(kind: Kind): Promise<Target> {
    const data = { slug: `target-${unique()}`, name: 'Target' };
    const row = kind === 'tag' ? await t.prisma.tag.create({ data }) : await t.prisma.author.create({ data });
    return { id: row.id, etag: `"${row.id}:${row.updatedAt.getTime()}"` };
  }

  async function state(kind: Kind, id: string) {
    const target = kind === 'tag' ? await t.prisma.tag.findUnique({ where: { id } }) : await t.prisma.author.findUnique({ where: { id } });
    return { tags: await t.prisma.tag.count(), authors: await t.prisma.author.count(), audit: await t.prisma.auditEntry.count(), target };
  }

  const restCases = ops.flatMap((op) => kinds.map((who) => [op.name, who, op] as const));
  it.each(restCases)('REST %s as %s', async (_name, who, op) => {
    const target = await arrange(op.kind);
    const before = await state(op.kind, target.id);
    const res = await op.rest!(t, target, auth.get(who)!);
    const want = expected(op, who);
    if (want === 200) expect([200, 201, 204]).toContain(res.status);
    else {
      expect(res.status).toBe(want);
      expect(await state(op.kind, target.id)).toEqual(before);
    }
  });

  const gqlCases = ops.filter((op) => op.graphql).flatMap((op) => kinds.map((who) => [op.name, who, op] as const));
  it.each(gqlCases)('GraphQL %s as %s', async (_name, who, op) => {
    const target = await arrange(op.kind);
    const before = await state(op.kind, target.id);
    const res = await gql(t, op.graphql!.query, op.graphql!.variables(target), auth.get(who)!);
    const want = expected(op, who);
    if (want === 200) expect(res.errors).toBeUndefined();
    else {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual([want === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      expect(await state(op.kind, target.id)).toEqual(before);
    }
  });
});
