import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

const ADMIN_QUERY = '{ adminPosts { totalCount } }';
const CREATE = 'mutation { createPost(input: { title: "Access probe", markdown: "Body" }) { id } }';

describe('GraphQL access decisions (same rules as REST)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    tokens.reader = await issueToken(t, ['content:read']);
    tokens.manager = await issueToken(t, ['tokens:manage', 'webhooks:manage', 'content:publish']);
    tokens.expired = await issueToken(t, ['content:read', 'content:write'], { expired: true });
    tokens.revoked = await issueToken(t, ['content:read', 'content:write'], { revoked: true });
  });
  afterAll(() => t.close());

  const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

  it.each([
    ['no token', {}],
    ['a malformed header', { Authorization: 'Token abc' }],
    ['an unknown token', bearer(`byl_${'Z'.repeat(43)}`)],
    ['an expired token', 'expired'],
    ['a revoked token', 'revoked'],
  ])('refuses %s with UNAUTHENTICATED', async (_label, headers) => {
    const h = typeof headers === 'string' ? bearer(tokens[headers]) : headers;
    const res = await gql(t, ADMIN_QUERY, undefined, h);
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a token without the scope with FORBIDDEN naming it', async () => {
    const res = await gql(t, ADMIN_QUERY, undefined, bearer(tokens.manager));
    expect(code(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toContain('content:read');
  });

  it('answers a token with the scope', async () => {
    const res = await gql<{ adminPosts: { totalCount: number } }>(t, ADMIN_QUERY, undefined, bearer(tokens.reader));
    expect(res.errors).toBeUndefined();
    expect(res.data?.adminPosts.totalCount).toBeGreaterThan(0);
  });

  it('refuses a mutation without content:write and writes nothing', async () => {
    const before = await t.prisma.post.count();
    for (const h of [{}, bearer(tokens.reader), bearer(tokens.revoked)]) {
      const res = await gql(t, CREATE, undefined, h);
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(code(res));
    }
    expect(await t.prisma.post.count()).toBe(before);
  });

  it('serves public queries with no, a valid, or a broken token alike', async () => {
    for (const h of [{}, bearer(tokens.reader), bearer(tokens.revoked), { Authorization: 'garbage' }]) {
      const res = await gql<{ posts: { totalCount: number }; tags: { totalCount: number } }>(t, '{ posts { totalCount } tags { totalCount } }', undefined, h);
      expect(res.errors).toBeUndefined();
      expect(res.data?.posts.totalCount).toBeGreaterThan(0);
    }
  });
});
