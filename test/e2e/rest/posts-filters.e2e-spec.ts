import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';

const visible = () => ({ kind: 'post' as const, status: 'PUBLISHED' as const, publishedAt: { lte: new Date() } });
const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const TIE = new Date('2024-03-01T09:00:00.000Z');

describe('GET /api/posts parameters and cursor pagination', () => {
  let t: TestApp;
  let counter = 0;
  const get = (query: string) => request(t.http).get(`/api/posts${query}`);
  const slugs = (res: request.Response) => (res.body.data as { slug: string }[]).map((p) => p.slug);
  const publish = (overrides: { publishedAt?: Date; title?: string } = {}) => {
    counter += 1;
    return t.prisma.post.create({
      data: {
        slug: `filters-extra-${counter}`,
        title: overrides.title ?? `Same title`,
        html: '<p>x</p>',
        plaintext: 'x',
        excerpt: 'x',
        status: 'PUBLISHED',
        publishedAt: overrides.publishedAt ?? TIE,
      },
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    // Ties on every sort key, so pagination must fall back to the id to stay exact.
    for (let i = 0; i < 6; i += 1) await publish();
  });
  afterAll(() => t.close());

  /** All visible posts in the documented order (sort key, then id in the same direction). */
  async function expectedOrder(field: 'publishedAt' | 'updatedAt' | 'title', direction: 'asc' | 'desc', where: object = {}) {
    const rows = await t.prisma.post.findMany({
      where: { AND: [visible(), where] },
      orderBy: [{ [field]: direction }, { id: direction }],
      select: { slug: true },
    });
    return rows.map((r) => r.slug);
  }

  /** Follows nextCursor from `cursor=` (empty: the first page in cursor mode) to the end. */
  async function walk(query: string, limit = 4): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: request.Response = await get(`?limit=${limit}${query}&cursor=${cursor}`).expect(200);
      expect(Object.keys(res.body.meta.pagination).sort()).toEqual(['hasMore', 'limit', 'nextCursor', 'prevCursor']);
      seen.push(...slugs(res));
      cursor = res.body.meta.pagination.hasMore ? res.body.meta.pagination.nextCursor : null;
    }
    return seen;
  }

  it.each([
    ['publishedAt:desc', 'publishedAt', 'desc'],
    ['publishedAt:asc', 'publishedAt', 'asc'],
    ['updatedAt:desc', 'updatedAt', 'desc'],
    ['title:asc', 'title', 'asc'],
  ] as const)('orders by %s, ties broken by id', async (order, field, direction) => {
    const res = await get(`?order=${order}&limit=100`).expect(200);
    expect(slugs(res)).toEqual(await expectedOrder(field, direction));
  });

  it('rejects an unknown order with 400 naming it', async () => {
    const problem = expectProblem(await get('?order=random'), 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'order', message: expect.stringContaining('unknown order "random"') }]);
  });

  it('filters by one tag, and by several as "any of"', async () => {
    const one = await get('?tag=typography&limit=100').expect(200);
    expect(slugs(one).sort()).toEqual((await expectedOrder('publishedAt', 'desc', { tags: { some: { tag: { slug: 'typography' } } } })).sort());
    expect(slugs(one).length).toBeGreaterThan(0);
    const several = await get('?tag=typography,long-form&limit=100').expect(200);
    const anyOf = await expectedOrder('publishedAt', 'desc', { tags: { some: { tag: { slug: { in: ['typography', 'long-form'] } } } } });
    expect(slugs(several)).toEqual(anyOf);
    expect(anyOf.length).toBeGreaterThan(slugs(one).length);
    expect(several.body.meta.pagination.total).toBe(anyOf.length);
    expect((await get('?tag=no-such-tag').expect(200)).body.data).toEqual([]);
    expectProblem(await get('?tag=Not_A_Slug'), 400, 'VALIDATION_FAILED');
  });

  it('filters by author', async () => {
    const res = await get('?author=tomas-lindqvist&limit=100').expect(200);
    const expected = await expectedOrder('publishedAt', 'desc', { authors: { some: { author: { slug: 'tomas-lindqvist' } } } });
    expect(expected.length).toBeGreaterThan(0);
    expect(slugs(res)).toEqual(expected);
    for (const post of res.body.data) expect(post.authors.map((a: { slug: string }) => a.slug)).toContain('tomas-lindqvist');
  });

  it('filters by featured, and rejects a non-boolean', async () => {
    const featured = await get('?featured=true&limit=100').expect(200);
    expect(slugs(featured)).toEqual(await expectedOrder('publishedAt', 'desc', { featured: true }));
    expect(slugs(featured)).toContain('the-case-for-the-long-read');
    const rest = await get('?featured=false&limit=100').expect(200);
    expect(slugs(rest)).toEqual(await expectedOrder('publishedAt', 'desc', { featured: false }));
    expectProblem(await get('?featured=yes'), 400, 'VALIDATION_FAILED');
  });

  it('filters by publishedAfter and publishedBefore (both exclusive)', async () => {
    const after = await get(`?publishedAfter=${TIE.toISOString()}&limit=100`).expect(200);
    expect(slugs(after)).toEqual(await expectedOrder('publishedAt', 'desc', { publishedAt: { gt: TIE } }));
    const before = await get(`?publishedBefore=2024-03-01T09:00:00.001Z&publishedAfter=2024-03-01&limit=100`).expect(200);
    expect(slugs(before).sort()).toEqual(
      (await expectedOrder('publishedAt', 'desc', { publishedAt: { gt: new Date('2024-03-01'), lt: new Date(TIE.getTime() + 1) } })).sort(),
    );
    expect(slugs(before)).toContain('filters-extra-1');
  });

  it.each(['publishedAfter=yesterday', 'publishedBefore=2024-13-40', 'publishedAfter=1700000000', 'publishedBefore=2024-01-01T10:00'])(
    'rejects the bad date %s with 400 naming the parameter',
    async (param) => {
      const problem = expectProblem(await get(`?${param}`), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.map((e) => e.field)).toEqual([param.split('=')[0]]);
    },
  );

  it.each(['tag=', 'tag=,,', 'author=', 'fields=', 'fields=%20,'])('rejects the empty list %s with 400 naming the parameter', async (param) => {
    const problem = expectProblem(await get(`?${param}`), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toEqual([param.split('=')[0]]);
  });

  it('picks the requested top-level fields (id always), and rejects an unknown one naming it', async () => {
    const res = await get('?fields=title,slug,tags&limit=3').expect(200);
    for (const post of res.body.data) expect(Object.keys(post).sort()).toEqual(['id', 'slug', 'tags', 'title']);
    const problem = expectProblem(await get('?fields=title,colour'), 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'fields', message: expect.stringContaining('unknown field "colour"') }]);
  });

  it('adds the requested body formats, none by default, and rejects an unknown one naming it', async () => {
    const none = await get('?limit=2').expect(200);
    for (const post of none.body.data) for (const key of ['html', 'plaintext', 'markdown']) expect(post).not.toHaveProperty(key);
    const some = await get('?formats=html,plaintext,markdown&limit=2').expect(200);
    for (const post of some.body.data) {
      expect(post.html).toEqual(expect.any(String));
      expect(post.plaintext).toEqual(expect.any(String));
      expect(post).toHaveProperty('markdown');
    }
    const problem = expectProblem(await get('?formats=html,pdf'), 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([{ field: 'formats', message: expect.stringContaining('unknown format "pdf"') }]);
  });

  it('rejects page and cursor together', async () => {
    const problem = expectProblem(await get('?page=1&cursor='), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain('cursor');
  });

  it.each([
    ['publishedAt:desc', 'publishedAt', 'desc'],
    ['publishedAt:asc', 'publishedAt', 'asc'],
    ['updatedAt:desc', 'updatedAt', 'desc'],
    ['title:asc', 'title', 'asc'],
  ] as const)('walks every post once, in order, with cursors under %s', async (order, field, direction) => {
    expect(await walk(`&order=${order}`, 3)).toEqual(await expectedOrder(field, direction));
  });

  it('walks a filtered listing with cursors', async () => {
    expect(await walk('&tag=writing,typography', 2)).toEqual(
      await expectedOrder('publishedAt', 'desc', { tags: { some: { tag: { slug: { in: ['writing', 'typography'] } } } } }),
    );
  });

  it('stays stable when a post is published between two pages', async () => {
    const before = await expectedOrder('publishedAt', 'desc');
    const first = await get('?limit=4&cursor=').expect(200);
    expect(slugs(first)).toEqual(before.slice(0, 4));
    await publish({ publishedAt: new Date(Date.now() - 1000), title: 'Breaking news' });
    await publish({ publishedAt: TIE, title: 'Same title' }); // lands among the tied posts, on either side of the cursor
    const rest: string[] = [];
    let cursor: string | null = first.body.meta.pagination.nextCursor;
    while (cursor) {
      const res: request.Response = await get(`?limit=4&cursor=${cursor}`).expect(200);
      rest.push(...slugs(res));
      cursor = res.body.meta.pagination.hasMore ? res.body.meta.pagination.nextCursor : null;
    }
    const seen = [...slugs(first), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    for (const slug of before) expect(seen).toContain(slug);
    expect(seen).not.toContain(`filters-extra-${counter - 1}`); // the newest post sorts before the first page
  });

  it('goes back with prevCursor to exactly the previous page', async () => {
    const one = await get('?limit=3&cursor=').expect(200);
    expect(one.body.meta.pagination.prevCursor).toBeNull();
    const two = await get(`?limit=3&cursor=${one.body.meta.pagination.nextCursor}`).expect(200);
    const three = await get(`?limit=3&cursor=${two.body.meta.pagination.nextCursor}`).expect(200);
    const backToTwo = await get(`?limit=3&cursor=${three.body.meta.pagination.prevCursor}`).expect(200);
    expect(slugs(backToTwo)).toEqual(slugs(two));
    const backToOne = await get(`?limit=3&cursor=${backToTwo.body.meta.pagination.prevCursor}`).expect(200);
    expect(slugs(backToOne)).toEqual(slugs(one));
    expect(backToOne.body.meta.pagination.nextCursor).toBeTruthy();
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['random base64url', 'eyJoZWxsbyI6IndvcmxkIn0'],
    ['another order', cursorOf(['title:asc', 'A', '00000000-0000-4000-8000-000000000000', 1])],
    ['a bad date', cursorOf(['publishedAt:desc', 'yesterday', '00000000-0000-4000-8000-000000000000', 1])],
    ['a null sort key', cursorOf(['publishedAt:desc', null, '00000000-0000-4000-8000-000000000000', 1])],
    ['a numeric sort key', cursorOf(['publishedAt:desc', 12, '00000000-0000-4000-8000-000000000000', 1])],
    ['a bad id', cursorOf(['publishedAt:desc', TIE.toISOString(), 'x\' OR 1=1', 1])],
    ['a bad direction', cursorOf(['publishedAt:desc', TIE.toISOString(), '00000000-0000-4000-8000-000000000000', 7])],
    ['too long', 'a'.repeat(600)],
  ])('rejects a tampered cursor (%s) with 400', async (_name, cursor) => {
    const problem = expectProblem(await get(`?cursor=${encodeURIComponent(cursor)}`), 400, 'VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toEqual(['cursor']);
  });

  it('agrees with GraphQL posts(first, after, page, filter, orderBy)', async () => {
    const query = `query($first: Int, $after: String, $page: Int, $filter: PostFilter, $orderBy: PostOrderBy) {
      posts(first: $first, after: $after, page: $page, filter: $filter, orderBy: $orderBy) {
        totalCount nodes { slug } pageInfo { hasNextPage endCursor }
      }
    }`;
    const filter = { tag: ['writing', 'typography'], featured: false, publishedAfter: '2000-01-01T00:00:00.000Z' };
    const restQuery = '&tag=writing,typography&featured=false&publishedAfter=2000-01-01T00:00:00.000Z&order=title:asc';
    const viaGraphql: string[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: { data: any; errors: unknown } = await gql(t, query, { first: 2, after, filter, orderBy: 'TITLE_ASC' });
      expect(errors).toBeUndefined();
      viaGraphql.push(...data!.posts.nodes.map((n: { slug: string }) => n.slug));
      after = data!.posts.pageInfo.hasNextPage ? data!.posts.pageInfo.endCursor : null;
    } while (after);
    expect(viaGraphql).toEqual(await walk(restQuery, 2));
    const pageTwo = await gql(t, query, { first: 2, page: 2, filter, orderBy: 'TITLE_ASC' });
    const restPageTwo = await get(`?limit=2&page=2${restQuery}`).expect(200);
    expect(pageTwo.data!.posts.nodes.map((n: { slug: string }) => n.slug)).toEqual(slugs(restPageTwo));
    expect(pageTwo.data!.posts.totalCount).toBe(restPageTwo.body.meta.pagination.total);
    const both = await gql(t, query, { first: 2, page: 1, after: viaGraphql.length ? 'x' : null });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await gql(t, query, { filter: { tag: [] } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
