import { MATCH_EVERY_UP_TO } from '../../src/modules/search/domain/search-query';
import { SearchRepository } from '../../src/modules/search/search.repository';
import { createTestApp, TestApp } from '../helpers/create-test-app';

const HIDDEN = ['unfinished-notes-on-footnotes', 'coming-soon-the-annual-reading-list'];
// Whatever the planner counts in `posts` (-1 before the first ANALYZE), it is above the one and below the other.
const EVERY_MATCH = { matchEveryUpTo: 1e9 };
const WALK = { matchEveryUpTo: -2 };

// A search's candidates come from every GIN match on a small blog and from a walk of the newest public
// documents on a large one (MATCH_EVERY_UP_TO). The two ways must find the same hits, ranks and snippets.
describe('search candidates, every match or the newest walk', () => {
  let t: TestApp;
  let search: SearchRepository;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    search = t.app.get(SearchRepository);
  });
  afterAll(() => t.close());

  const slugs = (result: Awaited<ReturnType<SearchRepository['searchPublished']>>) => result.rows.map((row) => row.slug);

  it.each(['reading', 'typography', '"long read"', 'reading -typography', 'long-form', 'footnotes'])('finds the same hits for %s', async (q) => {
    const every = await search.searchPublished(q, 50, null, EVERY_MATCH);
    const walk = await search.searchPublished(q, 50, null, WALK);
    expect(every.rows.length).toBeGreaterThan(0);
    expect(every.total).toBe(every.rows.length);
    expect(every.remaining).toBe(every.total);
    expect(walk).toEqual(every);
    for (const hidden of HIDDEN) expect(slugs(every)).not.toContain(hidden);
  });

  it('finds nothing either way for a word no public document holds', async () => {
    for (const options of [EVERY_MATCH, WALK]) expect(await search.searchPublished('zyxwvut', 10, null, options)).toEqual({ rows: [], total: 0, remaining: 0 });
  });

  it('pages the same way after a keyset bound', async () => {
    const first = await search.searchPublished('reading', 2, null, EVERY_MATCH);
    const last = first.rows[1];
    const bound = { rank: last.rank, id: last.id };
    const every = await search.searchPublished('reading', 50, bound, EVERY_MATCH);
    expect(every.rows.length).toBeGreaterThan(0);
    // Counted, not fetched: the first page holds 2 rows, and the rest lie after its bound.
    expect(first.rows).toHaveLength(2);
    expect(first.remaining).toBe(first.total);
    expect(every.remaining).toBe(first.total - 2);
    expect(slugs(every)).not.toContain(first.rows[0].slug);
    expect(await search.searchPublished('reading', 50, bound, WALK)).toEqual(every);
  });

  it('takes the every-match way by itself on a blog of this size, with the same answer', async () => {
    const [{ rows }] = await t.prisma.$queryRaw<Array<{ rows: number }>>`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'posts'::regclass`;
    expect(rows).toBeLessThanOrEqual(MATCH_EVERY_UP_TO);
    expect(await search.searchPublished('reading', 50, null)).toEqual(await search.searchPublished('reading', 50, null, EVERY_MATCH));
  });
});
