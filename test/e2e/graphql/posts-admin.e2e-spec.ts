import { draftBody } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

const FIELDS = 'id slug title status version publishedAt html markdown tags { slug } primaryTag { slug } authors { slug }';
const CREATE = `mutation($input: CreatePostInput!, $key: String) { createPost(input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePostInput!, $version: Int, $ifMatch: String) {
  updatePost(id: $id, input: $input, version: $version, ifMatch: $ifMatch) { ${FIELDS} } }`;

describe('GraphQL editor mutations and queries on posts', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const run = (query: string, variables?: Record<string, unknown>) => gql(t, query, variables, auth);
  const create = async (input: object = draftBody()) => {
    const res = await run(CREATE, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.createPost;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    auth = bearer(await issueToken(t, ['content:read', 'content:write', 'content:publish']));
  });
  afterAll(() => t.close());

  it('creates a draft with body fields, ordered tags and authors', async () => {
    const post = await create(draftBody({ title: 'GraphQL Draft', tags: ['writing', 'Fresh GQL Tag'], authors: ['mara-okafor'] }));
    expect(post).toMatchObject({ slug: 'graphql-draft', status: 'DRAFT', version: 1, publishedAt: null, primaryTag: { slug: 'writing' } });
    expect(post.html).toContain('<h2');
    expect(post.tags.map((tag: any) => tag.slug)).toEqual(['writing', 'fresh-gql-tag']);
    expect(post.authors).toEqual([{ slug: 'mara-okafor' }]);
  });

  it('updates with the version; a stale version is PRECONDITION_FAILED, none is PRECONDITION_REQUIRED', async () => {
    const post = await create();
    const ok = await run(UPDATE, { id: post.id, input: { title: 'Updated over GraphQL', tags: [] }, version: 1 });
    expect(ok.data!.updatePost).toMatchObject({ title: 'Updated over GraphQL', version: 2, tags: [] });
    const stale = await run(UPDATE, { id: post.id, input: { title: 'Stale' }, version: 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');
    const missing = await run(UPDATE, { id: post.id, input: { title: 'No version' } });
    expect(missing.errors?.[0].extensions?.code).toBe('PRECONDITION_REQUIRED');
    const etag = await run(UPDATE, { id: post.id, input: { title: 'Via ETag' }, ifMatch: `"${post.id}:2"` });
    expect(etag.data!.updatePost.version).toBe(3);
  });

  it('publishes, schedules and unpublishes; illegal transitions are CONFLICT', async () => {
    const a = await create();
    const published = await run('mutation($id: ID!) { publishPost(id: $id) { status publishedAt version } }', { id: a.id });
    expect(published.data!.publishPost).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const again = await run('mutation($id: ID!) { publishPost(id: $id) { status } }', { id: a.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const un = await run('mutation($id: ID!) { unpublishPost(id: $id, version: 2) { status publishedAt } }', { id: a.id });
    expect(un.data!.unpublishPost).toEqual({ status: 'DRAFT', publishedAt: null });

    const b = await create();
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await run('mutation($id: ID!, $at: DateTime) { publishPost(id: $id, publishAt: $at) { status publishedAt } }', { id: b.id, at });
    expect(scheduled.data!.publishPost).toEqual({ status: 'SCHEDULED', publishedAt: at });
    const backdated = await run('mutation($id: ID!, $at: DateTime) { publishPost(id: $id, publishedAt: $at) { status } }', { id: (await create()).id, at });
    expect(backdated.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes an optional ifMatch on publish and unpublish, refusing a stale one', async () => {
    const post = await create();
    const PUBLISH = 'mutation($id: ID!, $ifMatch: String) { publishPost(id: $id, ifMatch: $ifMatch) { status version } }';
    const UNPUBLISH = 'mutation($id: ID!, $ifMatch: String) { unpublishPost(id: $id, ifMatch: $ifMatch) { status version } }';
    const stale = await run(PUBLISH, { id: post.id, ifMatch: `"${post.id}:7"` });
    expect(stale.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');
    const published = await run(PUBLISH, { id: post.id, ifMatch: `"${post.id}:1"` });
    expect(published.data!.publishPost).toEqual({ status: 'PUBLISHED', version: 2 });
    const staleUn = await run(UNPUBLISH, { id: post.id, ifMatch: `"${post.id}:1"` });
    expect(staleUn.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');
    const un = await run(UNPUBLISH, { id: post.id, ifMatch: `"${post.id}:2"` });
    expect(un.data!.unpublishPost).toEqual({ status: 'DRAFT', version: 3 });
  });

  it('lists revisions and restores one; deletes with the version', async () => {
    const post = await create(draftBody({ title: 'Revision one' }));
    await run(UPDATE, { id: post.id, input: { title: 'Revision two' }, version: 1 });
    const revisions = await run('query($id: ID!) { postRevisions(id: $id) { number tokenId snapshot { title tags } } }', { id: post.id });
    expect(revisions.data!.postRevisions.map((r: any) => [r.number, r.snapshot.title])).toEqual([[2, 'Revision two'], [1, 'Revision one']]);
    const restored = await run('mutation($id: ID!) { restorePostRevision(id: $id, number: 1, version: 2) { title version html } }', { id: post.id });
    expect(restored.data!.restorePostRevision).toMatchObject({ title: 'Revision one', version: 3 });
    const stale = await run('mutation($id: ID!) { deletePost(id: $id, version: 1) }', { id: post.id });
    expect(stale.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');
    const deleted = await run('mutation($id: ID!) { deletePost(id: $id, version: 3) }', { id: post.id });
    expect(deleted.data!.deletePost).toBe(true);
    expect(await t.prisma.post.count({ where: { id: post.id } })).toBe(0);
  });

  it('shows drafts and scheduled posts through adminPosts/adminPost, never through the public queries', async () => {
    const draft = await create();
    const list = await run('{ adminPosts(status: [DRAFT, SCHEDULED], first: 100) { totalCount nodes { id status markdown } } }');
    const nodes = list.data!.adminPosts.nodes as any[];
    expect(nodes.map((n) => n.id)).toContain(draft.id);
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['DRAFT', 'SCHEDULED']));
    expect(nodes.find((n) => n.id === draft.id).markdown).toEqual(expect.any(String));
    const one = await run('query($id: ID!) { adminPost(id: $id) { id status plaintext toc { id } } }', { id: draft.id });
    expect(one.data!.adminPost).toMatchObject({ id: draft.id, status: 'DRAFT', plaintext: expect.any(String) });
    const pub = await gql(t, 'query($id: ID!) { post(id: $id) { id } }', { id: draft.id });
    expect(pub.errors).toBeUndefined();
    expect(pub.data).toEqual({ post: null });
    const publicList = await gql(t, '{ posts(first: 100) { nodes { id status } } }');
    expect((publicList.data!.posts.nodes as any[]).every((n) => n.status === 'PUBLISHED')).toBe(true);
  });

  it('replays createPost for the same idempotencyKey and input; a different input is UNPROCESSABLE', async () => {
    const input = draftBody();
    const first = await run(CREATE, { input, key: 'gql-key-1' });
    const before = await t.prisma.post.count();
    const again = await run(CREATE, { input, key: 'gql-key-1' });
    expect(again.data!.createPost.id).toBe(first.data!.createPost.id);
    expect(await t.prisma.post.count()).toBe(before);
    const other = await run(CREATE, { input: draftBody(), key: 'gql-key-1' });
    expect(other.errors?.[0].extensions?.code).toBe('UNPROCESSABLE');
  });

  it.each([
    ['a title over 255 characters', draftBody({ title: 'x'.repeat(256) }), 'title'],
    ['more than 20 tags', draftBody({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 'tags'],
    ['both markdown and html', draftBody({ html: '<p>x</p>' }), 'html'],
  ])('answers BAD_USER_INPUT naming the field for %s, writing nothing', async (_case, input, field) => {
    const before = await t.prisma.post.count();
    const res = await run(CREATE, { input });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0].extensions?.errors)).toContain(field);
    expect(await t.prisma.post.count()).toBe(before);
  });

  it('refuses an unknown input field and answers PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const unknown = await run(CREATE, { input: { ...draftBody(), colour: 'blue' } });
    expect(unknown.errors?.[0].message).toContain('colour');
    const big = await run(CREATE, { input: draftBody({ markdown: 'z'.repeat(1024 * 1024 + 1) }) });
    expect(big.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
