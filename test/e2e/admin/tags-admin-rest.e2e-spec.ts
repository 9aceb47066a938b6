import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

describe('REST /api/admin/tags', () => {
  let t: TestApp;
  let writer: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    writer = bearer(await issueToken(t, ['content:read', 'content:write']));
  });
  afterAll(() => t.close());

  const create = (body: object) => request(t.http).post('/api/admin/tags').set(writer).send(body);
  const patch = (id: string, body: object, ifMatch?: string) => {
    const req = request(t.http).patch(`/api/admin/tags/${id}`).set(writer);
    return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
  };
  const remove = (id: string, ifMatch?: string) => {
    const req = request(t.http).delete(`/api/admin/tags/${id}`).set(writer);
    return ifMatch === undefined ? req : req.set('If-Match', ifMatch);
  };

  it('creates, reads, updates and deletes a tag, auditing each write with token and request id', async () => {
    const created = await create({ name: '  Book Reviews ', description: 'Notes on books.' }).expect(201);
    const tag = created.body.data;
    expect(tag).toEqual({
      id: expect.any(String), slug: 'book-reviews', name: 'Book Reviews', description: 'Notes on books.', postCount: 0,
      image: null, social: expect.objectContaining({ x: null, github: null }),
      createdAt: expect.any(String), updatedAt: expect.any(String), etag: expect.stringMatching(/^"[0-9a-f-]+:\d+"$/),
    });
    expect(created.headers.etag).toBe(tag.etag);
    expect(created.headers['cache-control']).toBe('private, no-store');

    const listed = await request(t.http).get('/api/admin/tags?limit=100').set(writer).expect(200);
    expect(listed.body.data.map((x: any) => x.slug)).toContain('book-reviews'); // unused tags too
    expect((await request(t.http).get('/api/tags?limit=100')).body.data.map((x: any) => x.slug)).not.toContain('book-reviews');
    const one = await request(t.http).get(`/api/admin/tags/${tag.id}`).set(writer).expect(200);
    expect(one.headers.etag).toBe(tag.etag);

    const updated = await patch(tag.id, { name: 'Reviews', description: null }, tag.etag).expect(200);
    expect(updated.body.data).toMatchObject({ slug: 'book-reviews', name: 'Reviews', description: null });
    expect(updated.body.data.etag).not.toBe(tag.etag);
    expect(updated.headers.etag).toBe(updated.body.data.etag);

    const deleted = await remove(tag.id, updated.body.data.etag).expect(204);
    expect(deleted.text).toBe('');
    expectProblem(await request(t.http).get(`/api/admin/tags/${tag.id}`).set(writer), 404, 'NOT_FOUND');

    const audit = await t.prisma.auditEntry.findMany({ where: { targetId: tag.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['tag.created', 'tag.updated', 'tag.deleted']);
    expect(new Set(audit.map((a) => a.tokenId)).size).toBe(1);
    expect(audit[0].tokenId).toEqual(expect.any(String));
    expect(audit.map((a) => a.requestId)).toEqual([created.headers['x-request-id'], updated.headers['x-request-id'], deleted.headers['x-request-id']]);
  });

  it('makes generated slugs unique with a numeric suffix and transliterates names', async () => {
    const a = (await create({ name: 'Café Society' }).expect(201)).body.data;
    const b = (await create({ name: 'Cafe society' }).expect(201)).body.data;
    const c = (await create({ name: '★★★' }).expect(201)).body.data;
    expect([a.slug, b.slug]).toEqual(['cafe-society', 'cafe-society-2']);
    expect(c.slug).toMatch(/^tag(-\d+)?$/);
  });

  it('answers 409 when an explicit slug is taken, on create and on update', async () => {
    const taken = expectProblem(await create({ name: 'Type', slug: 'typography' }), 409, 'CONFLICT');
    expect(taken.detail).toContain('typography');
    const other = (await create({ name: 'Other', slug: 'other-tag' }).expect(201)).body.data;
    expectProblem(await patch(other.id, { slug: 'typography' }, other.etag), 409, 'CONFLICT');
    expect(await t.prisma.tag.count({ where: { slug: 'typography' } })).toBe(1);
  });

  it.each([
    ['an unknown field', { name: 'X', colour: 'red' }, 'colour'],
    ['a bad slug', { name: 'X', slug: 'Not A Slug' }, 'slug'],
    ['a too long name', { name: 'x'.repeat(192) }, 'name'],
    ['a too long description', { name: 'X', description: 'x'.repeat(501) }, 'description'],
    ['a missing name', { description: 'no name' }, 'name'],
    ['a null name', { name: null }, 'name'],
  ])('answers 400 naming the field for %s', async (_label, body, field) => {
    const before = await t.prisma.tag.count();
    const problem = expectProblem(await create(body), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await t.prisma.tag.count()).toBe(before);
  });

  it('rejects bad updates with 400: unknown fields, null name, empty body, bad id', async () => {
    const tag = (await create({ name: 'Patch Me' }).expect(201)).body.data;
    expect(expectProblem(await patch(tag.id, { name: 'ok', extra: 1 }, tag.etag), 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('extra');
    expectProblem(await patch(tag.id, { name: null }, tag.etag), 400, 'VALIDATION_FAILED');
    expectProblem(await patch(tag.id, {}, tag.etag), 400, 'VALIDATION_FAILED');
    expectProblem(await patch('not-a-uuid', { name: 'x' }, tag.etag), 400, 'VALIDATION_FAILED');
    expectProblem(await patch('00000000-0000-4000-8000-000000000000', { name: 'x' }, tag.etag), 404, 'NOT_FOUND');
    expect((await t.prisma.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe('Patch Me');
  });

  it('requires If-Match (428) and refuses a stale ETag (412) on PATCH and DELETE', async () => {
    const tag = (await create({ name: 'Guarded' }).expect(201)).body.data;
    expectProblem(await patch(tag.id, { name: 'No header' }), 428, 'PRECONDITION_REQUIRED');
    expectProblem(await remove(tag.id), 428, 'PRECONDITION_REQUIRED');
    const fresh = (await patch(tag.id, { name: 'Guarded 2' }, tag.etag).expect(200)).body.data;
    expectProblem(await patch(tag.id, { name: 'Stale' }, tag.etag), 412, 'PRECONDITION_FAILED');
    expectProblem(await remove(tag.id, tag.etag), 412, 'PRECONDITION_FAILED');
    expectProblem(await remove(tag.id, `W/${fresh.etag}`), 412, 'PRECONDITION_FAILED');
    expect((await t.prisma.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe('Guarded 2');
    expect(await t.prisma.auditEntry.count({ where: { targetId: tag.id } })).toBe(2);
  });

  it('lets exactly one of ten concurrent updates with the same ETag win', async () => {
    const tag = (await create({ name: 'Race' }).expect(201)).body.data;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => patch(tag.id, { name: `Race ${i}` }, tag.etag)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(412)]);
  });
});
