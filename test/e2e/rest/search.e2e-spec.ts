import request from 'supertest';
import { noticeDirectWrites, waitFor } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { createDraft } from '../../helpers/admin-posts';
import { bearer, issueToken } from '../../helpers/tokens';

const HIDDEN = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];

describe('search (REST and GraphQL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  const search = async (qs: Record<string, string | number>) => (await request(t.http).get('/api/search').query(qs).expect(200)).body;
  const slugs = (body: any) => body.data.map((hit: any) => hit.post.slug);

  it('ranks title matches first and returns hits with post summary, rank and a highlighted snippet', async () => {
    const body = await search({ q: 'typography' });
    expect(body.data.length).toBeGreaterThan(0);
    const ranks = body.data.map((h: any) => h.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const [top] = body.data;
    expect(top.post).toEqual(expect.objectContaining({ id: expect.any(String), slug: expect.any(String), title: expect.any(String), readingTime: expect.any(Object) }));
    expect(top.post.tags.length).toBeGreaterThan(0);
    expect(top.post.html).toBeUndefined();
    expect(body.meta.pagination).toEqual({ limit: 10, nextCursor: null, prevCursor: null, hasMore: false, total: body.data.length });
    const titled = body.data.findIndex((h: any) => /typograph/i.test(h.post.title));
    const untitled = body.data.findIndex((h: any) => !/typograph/i.test(h.post.title) && !h.post.tags.some((x: any) => x.slug === 'typography'));
    if (titled >= 0 && untitled >= 0) expect(titled).toBeLessThan(untitled);
    expect(body.data.some((h: any) => /<mark>[^<]+<\/mark>/.test(h.snippet))).toBe(true);
    for (const hit of body.data) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('searches tag names and excerpts, never drafts or scheduled posts', async () => {
    const body = await search({ q: 'long-form', limit: 50 });
    expect(slugs(body)).toContain('the-hundred-page-habit');
    for (const hidden of HIDDEN) expect(slugs(body)).not.toContain(hidden);
  });

  it('supports quoted phrases and -minus', async () => {
    const all = slugs(await search({ q: 'reading', limit: 50 }));
    const without = slugs(await search({ q: 'reading -typography', limit: 50 }));
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(all.length);
    const typographic = slugs(await search({ q: 'typography', limit: 50 }));
    for (const slug of without) expect(typographic).not.toContain(slug);

    const phrase = await search({ q: '"long read"', limit: 50 });
    expect(slugs(phrase)).toContain('the-case-for-the-long-read');
    const scattered = slugs(await search({ q: 'read long', limit: 50 }));
    for (const slug of slugs(phrase)) expect(scattered).toContain(slug);
  });

  it('answers 200 with no hits for a query of stop words only or with no match', async () => {
    for (const q of ['the and of', 'zyxwvut']) {
      const body = await search({ q });
      expect(body.data).toEqual([]);
      expect(body.meta.pagination.hasMore).toBe(false);
      expect(body.meta.pagination.total).toBe(0);
    }
  });

  it('pages with a cursor without overlap or gaps, and GraphQL agrees', async () => {
    const full = slugs(await search({ q: 'reading writing', limit: 50 }));
    expect(full.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const body = await search(cursor ? { q: 'reading writing', limit: 2, cursor } : { q: 'reading writing', limit: 2 });
      seen.push(...slugs(body));
      cursor = body.meta.pagination.nextCursor ?? undefined;
      expect(body.meta.pagination.hasMore).toBe(cursor !== undefined);
    } while (cursor);
    expect(seen).toEqual(full);
    const firstPage = await search({ q: 'reading writing', limit: 2 });
    expect(firstPage.meta.pagination.total).toBe(full.length);
    const total: any = await gql(t, '{ search(query: "reading writing", first: 1) { totalCount } }');
    expect(total.data.search.totalCount).toBe(full.length);

    const gqlSeen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await gql(t, `query($q: String!, $after: String) { search(query: $q, first: 2, after: $after) {
        edges { cursor node { rank snippet post { slug tags { slug } } } } pageInfo { hasNextPage endCursor } } }`, { q: 'reading writing', after });
      expect(res.errors).toBeUndefined();
      gqlSeen.push(...res.data.search.edges.map((e: any) => e.node.post.slug));
      after = res.data.search.pageInfo.hasNextPage ? res.data.search.pageInfo.endCursor : null;
    } while (after);
    expect(gqlSeen).toEqual(full);
  });

  it('agrees with GraphQL on ranks and snippets', async () => {
    const rest = await search({ q: 'long read' });
    const { data, errors } = await gql(t, `{ search(query: "  long read ") { nodes { rank snippet post { id } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.search.nodes).toEqual(rest.data.map((h: any) => ({ rank: h.rank, snippet: h.snippet, post: { id: h.post.id } })));
  });

  it.each([
    [{}, 'q'],
    [{ q: '' }, 'q'],
    [{ q: '    ' }, 'q'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ q: 'read', limit: 0 }, 'limit'],
    [{ q: 'read', limit: 51 }, 'limit'],
    [{ q: 'read', cursor: 'not a cursor!' }, 'cursor'],
    [{ q: 'read', page: 2 }, 'page'],
  ])('answers 400 for %j', async (qs, field) => {
    const body = expectProblem(await request(t.http).get('/api/search').query(qs), 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.field)).toContain(field);
  });

  it('answers 400 for a repeated q and a cursor from another query', async () => {
    expectProblem(await request(t.http).get('/api/search?q=a&q=b'), 400, 'VALIDATION_FAILED');
    const first = await search({ q: 'reading writing', limit: 1 });
    const cursor = first.meta.pagination.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const body = expectProblem(await request(t.http).get('/api/search').query({ q: 'typography', cursor }), 400, 'VALIDATION_FAILED');
    expect(body.errors!.map((e) => e.field)).toContain('cursor');
  });

  it('answers BAD_USER_INPUT in GraphQL for blank queries, bad sizes and foreign cursors', async () => {
    const blank = await gql(t, `{ search(query: "   ") { nodes { rank } } }`);
    expect(blank.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const big = await gql(t, `{ search(query: "read", first: 51) { nodes { rank } } }`);
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const page = await gql(t, `{ search(query: "reading writing", first: 1) { pageInfo { endCursor } } }`);
    const foreign = await gql(t, `query($after: String) { search(query: "typography", after: $after) { nodes { rank } } }`, { after: page.data!.search.pageInfo.endCursor });
    expect(foreign.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('highlights a match far into a long body, also when an unrelated word shares its stem first', async () => {
    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const filler = 'Quiet paragraphs fill the long page before anything happens. '.repeat(80);
    const publish = async (title: string, markdown: string) => {
      const { id } = await createDraft(t, token, { title, markdown });
      await request(t.http).post(`/api/admin/posts/${id}/publish`).set(bearer(token)).send({}).expect(200);
    };
    await publish('Far down', `${filler}\n\nThe zeppelin hangar opened at dawn.`);
    // "quartz" holds "quar", the start of the stem of "quarrying" (quarri), long before the real match.
    await publish('A decoy first', `Quartz was everywhere. ${filler}\n\nWe kept quarrying after that.`);
    const [zeppelin] = (await search({ q: 'zeppelin' })).data;
    expect(zeppelin.snippet).toContain('<mark>zeppelin</mark> hangar');
    const [quarrying] = (await search({ q: 'quarrying' })).data;
    expect(quarrying.snippet).toContain('<mark>quarrying</mark>');
  });

  it('keeps the index current when a tag is renamed', async () => {
    expect((await search({ q: 'quillwork' })).data).toEqual([]);
    // Renamed outside the app: the cached empty answer is replaced once the commit's notification
    // reaches this instance (within a second; generously bounded for a loaded machine).
    await t.prisma.tag.update({ where: { slug: 'slow-productivity' }, data: { name: 'Quillwork' } });
    let found: string[] = [];
    await waitFor(async () => (found = slugs(await search({ q: 'quillwork' }))).length > 0, 15_000, 50);
    expect(found).toEqual(expect.arrayContaining(['the-slow-publishing-calendar', 'editing-in-three-passes']));
    await t.prisma.tag.update({ where: { slug: 'slow-productivity' }, data: { name: 'Slow productivity' } });
    await noticeDirectWrites(t);
  });

  it('keeps the index current when tags are linked and unlinked and a title changes', async () => {
    const post = await t.prisma.post.findUniqueOrThrow({ where: { slug: 'small-caps-and-quiet-details' } });
    const tag = await t.prisma.tag.create({ data: { slug: 'marginalia', name: 'Marginalia' } });
    await t.prisma.postTag.create({ data: { postId: post.id, tagId: tag.id, position: 5 } });
    await noticeDirectWrites(t);
    expect(slugs(await search({ q: 'marginalia' }))).toEqual(['small-caps-and-quiet-details']);
    await t.prisma.postTag.delete({ where: { postId_tagId: { postId: post.id, tagId: tag.id } } });
    await noticeDirectWrites(t);
    expect(slugs(await search({ q: 'marginalia' }))).toEqual([]);
    await t.prisma.post.update({ where: { id: post.id }, data: { title: 'Small caps, quiet details and palimpsests' } });
    await noticeDirectWrites(t);
    expect(slugs(await search({ q: 'palimpsests' }))).toEqual(['small-caps-and-quiet-details']);
  });
});
