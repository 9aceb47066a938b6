import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

// `avatar` and `social` came with issue 9 (images and social links of labels).
const ADMIN_AUTHOR_KEYS = ['avatar', 'avatarUrl', 'bio', 'createdAt', 'etag', 'id', 'name', 'postCount', 'slug', 'social', 'updatedAt', 'website'];

describe('REST /api/admin/authors', () => {
  let t: TestApp;
  let writer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    writer = bearer(await issueToken(t, ['content:read', 'content:write']));
  });
  afterAll(() => t.close());

  const create = (body: object) => request(t.http).post('/api/admin/authors').set(writer).send(body);
  const patch = (id: string, body: object, ifMatch?: string) => {
    const req = request(t.http).patch(`/api/admin/authors/${id}`).set(writer);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };

  it('creates, lists (with or without posts), updates and deletes an author, audited', async () => {
    const created = await create({ name: 'Ada Ink', bio: 'Writes.', avatarUrl: 'https://img.example/ada.png', website: 'https://ada.example' }).expect(201);
    const author = created.body.data;
    expect(Object.keys(author).sort()).toEqual(ADMIN_AUTHOR_KEYS);
    expect(author).toMatchObject({ slug: 'ada-ink', name: 'Ada Ink', bio: 'Writes.', postCount: 0, website: 'https://ada.example' });
    expect(created.headers.etag).toBe(author.etag);

    const listed = (await request(t.http).get('/api/admin/authors?limit=100').set(writer).expect(200)).body.data;
    expect(listed.map((a: any) => a.slug)).toContain('ada-ink');
    for (const a of listed) expect(Object.keys(a).sort()).toEqual(ADMIN_AUTHOR_KEYS);

    const updated = (await patch(author.id, { bio: null, website: 'https://ink.example' }, author.etag).expect(200)).body.data;
    expect(updated).toMatchObject({ bio: null, website: 'https://ink.example', name: 'Ada Ink' });
    expectProblem(await patch(author.id, { name: 'Stale' }, author.etag), 412, 'PRECONDITION_FAILED');
    expectProblem(await request(t.http).delete(`/api/admin/authors/${author.id}`).set(writer), 428, 'PRECONDITION_REQUIRED');
    await request(t.http).delete(`/api/admin/authors/${author.id}`).set(writer).set('If-Match', updated.etag).expect(204);
    expect(await t.prisma.author.count({ where: { id: author.id } })).toBe(0);

    const audit = await t.prisma.auditEntry.findMany({ where: { targetId: author.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.targetType])).toEqual([
      ['author.created', 'author'],
      ['author.updated', 'author'],
      ['author.deleted', 'author'],
    ]);
  });

  it('removes a deleted author from their posts', async () => {
    const author = (await create({ name: 'Guest Writer' }).expect(201)).body.data;
    const post = await t.prisma.post.findFirstOrThrow({ where: { kind: 'post', status: 'PUBLISHED' }, select: { id: true, slug: true } });
    await t.prisma.postAuthor.create({ data: { postId: post.id, authorId: author.id, position: 99 } });
    const before = (await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200)).body.data;
    expect(before.authors.map((a: any) => a.slug)).toContain('guest-writer');
    const etag = (await request(t.http).get(`/api/admin/authors/${author.id}`).set(writer).expect(200)).headers.etag;
    await request(t.http).delete(`/api/admin/authors/${author.id}`).set(writer).set('If-Match', etag).expect(204);
    const after = (await request(t.http).get(`/api/posts/slug/${post.slug}`).expect(200)).body.data;
    expect(after.authors.map((a: any) => a.slug)).not.toContain('guest-writer');
  });

  it('suffixes generated slugs and answers 409 for a taken explicit one', async () => {
    const [seeded] = (await request(t.http).get('/api/authors').expect(200)).body.data;
    const twin = (await create({ name: seeded.name }).expect(201)).body.data;
    expect(twin.slug).toBe(`${seeded.slug}-2`);
    expectProblem(await create({ name: 'Someone', slug: seeded.slug }), 409, 'CONFLICT');
    expectProblem(await patch(twin.id, { slug: seeded.slug }, twin.etag), 409, 'CONFLICT');
  });

  it.each([
    ['an e-mail (never stored)', { name: 'X', email: 'x@example.com' }, 'email'],
    ['a relative avatar URL', { name: 'X', avatarUrl: '/me.png' }, 'avatarUrl'],
    ['a javascript: website', { name: 'X', website: 'javascript:alert(1)' }, 'website'],
    ['a too long name', { name: 'x'.repeat(192) }, 'name'],
    ['a too long bio', { name: 'X', bio: 'x'.repeat(501) }, 'bio'],
    ['a bad slug', { name: 'X', slug: 'a--b' }, 'slug'],
  ])('answers 400 naming the field for %s', async (_label, body, field) => {
    const before = await t.prisma.author.count();
    const problem = expectProblem(await create(body), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await t.prisma.author.count()).toBe(before);
  });
});
