import request from 'supertest';
import { createDraft, draftBody, writeCounts } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

/** `depth` nested arrays around a string, as JSON text (superagent cannot serialise very deep values). */
const deepJson = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('hostile input is a 400, never a 500', () => {
  let t: TestApp;
  let token: string;
  let editor: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(token);
  });
  afterAll(() => t.close());

  const gqlRaw = (body: string, headers: Record<string, string> = {}) =>
    request(t.http).post('/graphql').set('Content-Type', 'application/json').set(headers).send(body);
  const gql = (query: string, variables?: unknown, headers: Record<string, string> = {}) =>
    request(t.http).post('/graphql').set(headers).send({ query, variables });
  const gqlError = (res: request.Response) => res.body.errors?.[0] as { message: string; extensions: { code: string; errors?: { field: string }[] } };

  describe('nesting depth', () => {
    it('answers 400 naming the field for a REST body nested 2,000 deep, and writes nothing', async () => {
      const before = await writeCounts(t);
      const body = `{"title":"Deep","markdown":"x","seo":{"title":${deepJson(2000)}}}`;
      const res = await request(t.http).post('/api/admin/posts').set(editor).set('Content-Type', 'application/json').send(body);
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0].field).toMatch(/^seo\.title(\[0\])+$/);
      expect(problem.detail).toMatch(/deeper than/);
      expect(await writeCounts(t)).toEqual(before);
    });

    it('answers 400 BAD_USER_INPUT for anonymous GraphQL variables nested 5,000 deep', async () => {
      const res = await gqlRaw(`{"query":"query($tag: [String!]) { posts(first: 1, filter: { tag: $tag }) { totalCount } }","variables":{"tag":${deepJson(5000)}}}`);
      expect(res.status).toBe(400);
      expect(gqlError(res).extensions.code).toBe('BAD_USER_INPUT');
      expect(gqlError(res).extensions.errors?.[0].field).toMatch(/^tag\[0\]/);
    });

    it('answers 400 for a deeply nested unused variable too', async () => {
      const res = await gqlRaw(`{"query":"{ posts(first: 1) { totalCount } }","variables":{"junk":${deepJson(5000)}}}`);
      expect(res.status).toBe(400);
      expect(gqlError(res).extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('NUL characters and lone surrogates', () => {
    const hostile = [
      ['a NUL', 'before\u0000after'],
      ['a lone high surrogate', 'before\ud800after'],
      ['a lone low surrogate', '\udfffafter'],
    ] as const;

    it.each(hostile.flatMap(([what, value]) => [
      [what, 'title', draftBody({ title: value })],
      [what, 'markdown', draftBody({ markdown: value })],
      [what, 'customExcerpt', draftBody({ customExcerpt: value })],
      [what, 'tags[1]', draftBody({ tags: ['fine', value] })],
      [what, 'seo.description', draftBody({ seo: { description: value } })],
    ]))('refuses %s in post field %s with 400 naming it, and writes nothing', async (_what, field, body) => {
      const before = await writeCounts(t);
      const res = await request(t.http).post('/api/admin/posts').set(editor).send(body);
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors).toEqual([{ field, message: expect.any(String) }]);
      expect(await writeCounts(t)).toEqual(before);
    });

    it.each(hostile)('refuses %s in tag and author names and on PATCH', async (_what, value) => {
      const tagRes = await request(t.http).post('/api/admin/tags').set(editor).send({ name: value });
      expect(expectProblem(tagRes, 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('name');
      const authorRes = await request(t.http).post('/api/admin/authors').set(editor).send({ name: value });
      expect(expectProblem(authorRes, 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('name');
      const { id, etag } = await createDraft(t, token);
      const patch = await request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ title: value });
      expect(expectProblem(patch, 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('title');
    });

    it('refuses a NUL key in a body', async () => {
      const res = await request(t.http).post('/api/admin/posts').set(editor).send({ ...draftBody(), ['x\u0000']: 1 });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    });

    it.each([
      ['/api/posts?tag=a%00b', 'tag'],
      ['/api/search?q=hello%00', 'q'],
      ['/api/search?q=%00', 'q'],
      ['/api/posts/slug/a%00b', 'slug'],
    ])('refuses it in the query string or path: %s', async (path, field) => {
      const problem = expectProblem(await request(t.http).get(path), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0].field).toBe(field);
    });

    it.each(hostile)('refuses %s in a GraphQL mutation argument written inline', async (_what, value) => {
      const before = await writeCounts(t);
      const literal = JSON.stringify(value).replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      const res = await gql(`mutation { createPost(input: { title: ${literal}, markdown: "body" }) { id } }`, undefined, editor);
      const error = gqlError(res);
      // graphql-js refuses an escaped lone surrogate while parsing; a NUL reaches our check.
      expect(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']).toContain(error.extensions.code);
      if (error.extensions.code === 'BAD_USER_INPUT') expect(error.extensions.errors?.[0].field).toBe('input.title');
      expect(await writeCounts(t)).toEqual(before);
    });

    it.each(hostile)('refuses %s in GraphQL variables with 400 BAD_USER_INPUT naming the variable', async (_what, value) => {
      const before = await writeCounts(t);
      const res = await gql('mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', { input: { title: 'ok', markdown: value } }, editor);
      expect(res.status).toBe(400);
      expect(gqlError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'input.markdown' }] });
      const tag = await gql('mutation($name: String!) { createTag(input: { name: $name }) { id } }', { name: value }, editor);
      expect(gqlError(tag).extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'name' }] });
      expect(await writeCounts(t)).toEqual(before);
    });
  });

  it('refuses a path integer out of range with 400 naming it', async () => {
    const { id, etag } = await createDraft(t, token);
    for (const n of ['999999999999', '2147483648', '0', '-1', '1.5', 'abc']) {
      const res = await request(t.http).post(`/api/admin/posts/${id}/revisions/${n}/restore`).set(editor).set('If-Match', etag);
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('n');
    }
    const gqlRes = await gql(`mutation { restorePostRevision(id: "${id}", revision: 99999999999, ifMatch: ${JSON.stringify(etag)}) { id } }`, undefined, editor);
    expect(gqlRes.body.errors[0].extensions.code).not.toBe('INTERNAL');
  });

  describe('calendar dates', () => {
    it.each(['2026-02-30', '2025-02-29', '2026-04-31T10:00:00Z', '2026-01-01T25:00:00Z'])('refuses publishedAfter=%s with 400', async (date) => {
      const problem = expectProblem(await request(t.http).get(`/api/posts?publishedAfter=${date}`), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0].field).toBe('publishedAfter');
      expectProblem(await request(t.http).get(`/api/admin/posts?publishedBefore=${date}`).set(editor), 400, 'VALIDATION_FAILED');
    });

    it('still accepts real dates, leap days included', async () => {
      await request(t.http).get('/api/posts?publishedAfter=2024-02-29').expect(200);
      await request(t.http).get('/api/posts?publishedAfter=2024-02-29T10:00:00%2B02:00').expect(200);
    });

    it('refuses an impossible date to publishAt over REST', async () => {
      const { id, etag } = await createDraft(t, token);
      const res = await request(t.http).post(`/api/admin/posts/${id}/publish`).set(editor).set('If-Match', etag).send({ publishAt: '2030-02-30T09:00:00Z' });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').errors?.[0].field).toBe('publishAt');
    });

    it('refuses an impossible GraphQL DateTime, inline or as a variable', async () => {
      const inline = await gql('{ posts(first: 1, filter: { publishedAfter: "2026-02-30T00:00:00Z" }) { totalCount } }');
      expect(inline.status).toBe(400);
      expect(gqlError(inline).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const variable = await gql('query($d: DateTime) { posts(first: 1, filter: { publishedAfter: $d }) { totalCount } }', { d: '2026-02-30T00:00:00Z' });
      expect(variable.status).toBe(400);
      expect(gqlError(variable).extensions.code).toBe('BAD_USER_INPUT');
      const fine = await gql('query($d: DateTime) { posts(first: 1, filter: { publishedAfter: $d }) { totalCount } }', { d: '2024-02-29T00:00:00Z' });
      expect(fine.body.errors).toBeUndefined();
    });
  });

  it.each([
    ['a subscription', 'subscription { posts { totalCount } }'],
    ['a named subscription', 'subscription Watch { post(slug: "x") { id } }'],
  ])('answers %s with a 400 validation error, not INTERNAL', async (_case, query) => {
    const res = await gql(query);
    expect(res.status).toBe(400);
    expect(gqlError(res).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(gqlError(res).message).toMatch(/subscription/);
  });
});
