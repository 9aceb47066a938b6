import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

const TAG = 'id slug name description postCount createdAt updatedAt etag';
const AUTHOR = 'id slug name bio avatarUrl website postCount createdAt updatedAt etag';

describe('GraphQL tag and author mutations', () => {
  let t: TestApp;
  let writer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    writer = bearer(await issueToken(t, ['content:read', 'content:write']));
  });
  afterAll(() => t.close());

  const run = (query: string, variables: Record<string, unknown>) => gql(t, query, variables, writer);
  const codes = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.map((e) => e.extensions?.code);

  it('creates, updates and deletes a tag with the same service as REST', async () => {
    const created = await run(`mutation($i: CreateTagInput!) { createTag(input: $i) { ${TAG} } }`, { i: { name: 'Field Notes' } });
    expect(created.errors).toBeUndefined();
    const tag = created.data!.createTag;
    expect(tag).toMatchObject({ slug: 'field-notes', name: 'Field Notes', description: null, postCount: 0 });

    const update = `mutation($id: ID!, $i: UpdateTagInput!, $m: String) { updateTag(id: $id, input: $i, ifMatch: $m) { ${TAG} } }`;
    const updated = await run(update, { id: tag.id, i: { description: 'From the field.' }, m: tag.etag });
    expect(updated.data!.updateTag).toMatchObject({ description: 'From the field.', slug: 'field-notes' });
    expect(codes(await run(update, { id: tag.id, i: { name: 'Stale' }, m: tag.etag }))).toEqual(['PRECONDITION_FAILED']);
    expect(codes(await run(update, { id: tag.id, i: { name: 'None' } }))).toEqual(['PRECONDITION_REQUIRED']);

    const del = `mutation($id: ID!, $m: String) { deleteTag(id: $id, ifMatch: $m) { id slug } }`;
    expect((await run(del, { id: tag.id, m: updated.data!.updateTag.etag })).data!.deleteTag).toEqual({ id: tag.id, slug: 'field-notes' });
    expect(codes(await run(del, { id: tag.id, m: '*' }))).toEqual(['NOT_FOUND']);
    const actions = (await t.prisma.auditEntry.findMany({ where: { targetId: tag.id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['tag.created', 'tag.updated', 'tag.deleted']);
  });

  it('creates, updates and deletes an author', async () => {
    const created = await run(`mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { ${AUTHOR} } }`, {
      i: { name: 'Ren Page', website: 'https://ren.example' },
    });
    const author = created.data!.createAuthor;
    expect(author).toMatchObject({ slug: 'ren-page', website: 'https://ren.example', bio: null });
    const updated = await run(`mutation($id: ID!, $i: UpdateAuthorInput!, $m: String) { updateAuthor(id: $id, input: $i, ifMatch: $m) { ${AUTHOR} } }`, {
      id: author.id,
      i: { bio: 'Pages.' },
      m: author.etag,
    });
    expect(updated.data!.updateAuthor.bio).toBe('Pages.');
    const deleted = await run('mutation($id: ID!, $m: String) { deleteAuthor(id: $id, ifMatch: $m) { slug } }', { id: author.id, m: updated.data!.updateAuthor.etag });
    expect(deleted.data!.deleteAuthor).toEqual({ slug: 'ren-page' });
  });

  it.each([
    ['a bad slug', 'CreateTagInput', 'createTag', { name: 'X', slug: 'Bad Slug' }],
    ['a too long name', 'CreateTagInput', 'createTag', { name: 'x'.repeat(192) }],
    ['an unknown field', 'CreateTagInput', 'createTag', { name: 'X', colour: 'red' }],
    ['a null name', 'CreateAuthorInput', 'createAuthor', { name: null }],
    ['a bad URL', 'CreateAuthorInput', 'createAuthor', { name: 'X', avatarUrl: 'not a url' }],
  ])('answers BAD_USER_INPUT for %s, creating nothing', async (_label, type, field, input) => {
    const before = (await t.prisma.tag.count()) + (await t.prisma.author.count());
    const res = await run(`mutation($i: ${type}!) { ${field}(input: $i) { id } }`, { i: input });
    expect(res.status).not.toBe(500);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect((await t.prisma.tag.count()) + (await t.prisma.author.count())).toBe(before);
  });

  it('answers CONFLICT for a taken slug and BAD_USER_INPUT for a malformed id', async () => {
    expect(codes(await run('mutation { createTag(input: { name: "T", slug: "typography" }) { id } }', {}))).toEqual(['CONFLICT']);
    const res = await run('mutation { deleteTag(id: "nope", ifMatch: "*") { id } }', {});
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
