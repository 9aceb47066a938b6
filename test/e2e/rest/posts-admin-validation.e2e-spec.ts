import request from 'supertest';
import { MAX_BODY_BYTES } from '../../../src/app.setup';
import { createDraft, draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const MIB = 1024 * 1024;

describe('REST /api/admin/posts input validation and limits', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    token = await issueToken(t, ['content:read', 'content:write']);
    editor = bearer(token);
  });
  afterAll(() => t.close());

  const create = (body: object) => request(t.http).post('/api/admin/posts').set(editor).send(body);

  it.each([
    ['an unknown field', { ...draftBody(), colour: 'blue' }, 'colour'],
    ['an unknown nested field', { ...draftBody(), featureImage: { url: 'https://x.example/a.jpg', size: 3 } }, 'featureImage.size'],
    ['a title over 255 characters', draftBody({ title: 'x'.repeat(256) }), 'title'],
    ['more than 20 tags', draftBody({ tags: Array.from({ length: 21 }, (_, i) => `tag ${i}`) }), 'tags'],
    ['both markdown and html', draftBody({ html: '<p>hi</p>' }), 'html'],
    ['no body', { title: 'No body' }, 'markdown'],
    ['a missing title', { markdown: 'text' }, 'title'],
    ['a null title', draftBody({ title: null }), 'title'],
    ['a non-URL feature image', draftBody({ featureImage: { url: 'not a url' } }), 'featureImage.url'],
    ['a tag without letters', draftBody({ tags: ['!!!'] }), 'tags'],
  ])('answers 400 naming the field for %s, and writes nothing', async (_case, body, field) => {
    const before = await writeCounts(t);
    const problem = expectProblem(await create(body), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('accepts exactly 20 tags and a 255-character title', async () => {
    const res = await create(draftBody({ title: 'y'.repeat(255), tags: Array.from({ length: 20 }, (_, i) => `bulk tag ${i}`) })).expect(201);
    expect(res.body.data.tags).toHaveLength(20);
  });

  it('rejects unknown fields on PATCH too, naming them', async () => {
    const { id, etag } = await createDraft(t, token);
    const res = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ status: 'PUBLISHED' });
    expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toContain('status');
  });

  it('answers 413 for a body over 1 MiB that the JSON parser still accepts', async () => {
    const markdown = 'a'.repeat(MIB + 1);
    expect(JSON.stringify(draftBody({ markdown })).length).toBeLessThan(MAX_BODY_BYTES);
    const before = await writeCounts(t);
    expectProblem(await create(draftBody({ markdown })), 413, 'PAYLOAD_TOO_LARGE');
    expect(await writeCounts(t)).toEqual(before);
  });

  it('counts UTF-8 bytes, not characters, against the 1 MiB limit', async () => {
    expectProblem(await create(draftBody({ markdown: 'é'.repeat(MIB / 2 + 1) })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 for a request larger than the JSON parser limit', async () => {
    expectProblem(await create(draftBody({ markdown: 'b'.repeat(MAX_BODY_BYTES + 10) })), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const res = await create(draftBody({ markdown: 'word '.repeat(MIB / 5).slice(0, MIB) })).expect(201);
    expect(res.body.data.readingTime.words).toBeGreaterThan(200_000);
  });

  it('answers 413 on PATCH with an oversized body', async () => {
    const { id, etag } = await createDraft(t, token);
    const res = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ html: `<p>${'c'.repeat(MIB)}</p>` });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});
