import type { Scope } from '../../../src/common/auth/access.decorators';
import { SCOPES } from '../../../src/common/auth/access.decorators';
import { createDraft, draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

interface Operation {
  name: string;
  scope: Scope;
  published?: boolean;
  query: string;
  variables: (id: string, version: number) => Record<string, unknown>;
}

const OPS: Operation[] = [
  { name: 'adminPosts', scope: 'content:read', query: '{ adminPosts(status: [DRAFT]) { totalCount } }', variables: () => ({}) },
  { name: 'adminPost', scope: 'content:read', query: 'query($id: ID!) { adminPost(id: $id) { id } }', variables: (id) => ({ id }) },
  { name: 'postRevisions', scope: 'content:read', query: 'query($id: ID!) { postRevisions(id: $id) { number } }', variables: (id) => ({ id }) },
  { name: 'createPost', scope: 'content:write', query: 'mutation($input: CreatePostInput!) { createPost(input: $input, idempotencyKey: "authz") { id } }', variables: () => ({ input: draftBody() }) },
  { name: 'updatePost', scope: 'content:write', query: 'mutation($id: ID!, $v: Int) { updatePost(id: $id, input: { title: "Denied?" }, version: $v) { id } }', variables: (id, v) => ({ id, v }) },
  { name: 'deletePost', scope: 'content:write', query: 'mutation($id: ID!, $v: Int) { deletePost(id: $id, version: $v) }', variables: (id, v) => ({ id, v }) },
  { name: 'restorePostRevision', scope: 'content:write', query: 'mutation($id: ID!, $v: Int) { restorePostRevision(id: $id, number: 1, version: $v) { id } }', variables: (id, v) => ({ id, v }) },
  { name: 'publishPost', scope: 'content:publish', query: 'mutation($id: ID!) { publishPost(id: $id) { id } }', variables: (id) => ({ id }) },
  { name: 'publishPost (schedule)', scope: 'content:publish', query: 'mutation($id: ID!, $at: DateTime) { publishPost(id: $id, publishAt: $at) { id } }', variables: (id) => ({ id, at: new Date(Date.now() + 3_600_000).toISOString() }) },
  { name: 'unpublishPost', scope: 'content:publish', published: true, query: 'mutation($id: ID!) { unpublishPost(id: $id) { id } }', variables: (id) => ({ id }) },
];

describe('GraphQL editor operations on posts: authorisation matrix', () => {
  let t: TestApp;
  let token: string;
  let kinds: [string, Record<string, string>, string, Scope?][];
  let draft: { id: string; version: number };
  let published: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const all = [...SCOPES];
    kinds = [
      ['no token', {}, 'UNAUTHENTICATED'],
      ['a malformed token', { Authorization: 'Bearer not-a-token' }, 'UNAUTHENTICATED'],
      ['an unknown token', { Authorization: `Bearer byl_${'A'.repeat(43)}` }, 'UNAUTHENTICATED'],
      ['an expired token', bearer(await issueToken(t, all, { expired: true })), 'UNAUTHENTICATED'],
      ['a revoked token', bearer(await issueToken(t, all, { revoked: true })), 'UNAUTHENTICATED'],
    ];
    for (const scope of SCOPES) kinds.push([`a ${scope} token`, bearer(await issueToken(t, [scope])), 'FORBIDDEN', scope]);
    draft = { id: (await createDraft(t, token)).id, version: 1 };
    const p = await createDraft(t, token);
    await gql(t, 'mutation($id: ID!) { publishPost(id: $id) { id } }', { id: p.id }, bearer(token));
    published = { id: p.id, version: 2 };
  });
  afterAll(() => t.close());

  it('refuses every operation for every token kind that lacks its scope, with no side effect', async () => {
    let checked = 0;
    for (const op of OPS) {
      const target = op.published ? published : draft;
      for (const [label, headers, code, scope] of kinds) {
        if (scope === op.scope) continue;
        const before = await writeCounts(t);
        const res = await gql(t, op.query, op.variables(target.id, target.version), headers);
        // A refused nullable lookup (adminPost) answers { adminPost: null }; a non-null field nulls all of data.
        const data = res.data && Object.values(res.data).every((v) => v === null) ? null : res.data;
        expect({ op: op.name, label, code: res.errors?.[0].extensions?.code, data }).toEqual({ op: op.name, label, code, data: null });
        expect({ op: op.name, label, counts: await writeCounts(t) }).toEqual({ op: op.name, label, counts: before });
        checked++;
      }
    }
    expect(checked).toBe(OPS.length * (kinds.length - 1));
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(await t.prisma.post.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({ status: 'PUBLISHED', version: 2 });
  });

  it.each(OPS.map((op) => [op.name, op] as const))('allows %s with exactly its scope', async (_name, op) => {
    const { id } = await createDraft(t, token);
    let version = 1;
    if (op.published) {
      await gql(t, 'mutation($id: ID!) { publishPost(id: $id) { id } }', { id }, bearer(token));
      version = 2;
    }
    const res = await gql(t, op.query, op.variables(id, version), bearer(await issueToken(t, [op.scope])));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual(expect.any(Object));
  });
});
