import { sqlRows } from '../../src/database/sql-rows';
import { SearchRepository } from '../../src/modules/search/search.repository';
import { Prisma } from '../../src/generated/prisma/client';
import { createTestApp, TestApp } from '../helpers/create-test-app';

// Public reads run as named prepared statements on a pool whose plans are made once (generic).
describe('the public read pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is a second pool whose connections keep generic plans; Prisma keeps the default', async () => {
    expect(t.prisma.readPool).not.toBe(t.prisma.pool);
    const [read] = await sqlRows<{ mode: string }>(t.prisma.readPool, Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`);
    const [main] = await sqlRows<{ mode: string }>(t.prisma.pool, Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`);
    expect([read.mode, main.mode]).toEqual(['force_generic_plan', 'auto']);
  });

  it('keeps idle connections warm in every pool for DATABASE_POOL_IDLE_MS (10 minutes by default)', () => {
    for (const pool of [t.prisma.pool, t.prisma.readPool, t.prisma.searchPool]) expect(pool.options.idleTimeoutMillis).toBe(600_000);
  });

  it('runs public reads and searches without parallel workers', async () => {
    const workers = Prisma.sql`SELECT current_setting('max_parallel_workers_per_gather') AS n`;
    expect(await sqlRows(t.prisma.readPool, workers)).toEqual([{ n: '0' }]);
    expect(await sqlRows(t.prisma.searchPool, workers)).toEqual([{ n: '0' }]);
  });

  it('gives search a third, smaller pool that plans every search for its words, without sequential scans', async () => {
    expect(t.prisma.searchPool).not.toBe(t.prisma.pool);
    expect(t.prisma.searchPool.options.max).toBe(Math.ceil(t.prisma.pool.options.max / 2));
    const settings = Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode, current_setting('enable_seqscan') AS seqscan`;
    expect(await sqlRows(t.prisma.searchPool, settings)).toEqual([{ mode: 'force_custom_plan', seqscan: 'off' }]);

    // Searches run there, as a prepared statement never given a generic plan (in `auto` mode PostgreSQL
    // switches to one after five executions). One search at a time: they share one connection.
    const search = t.app.get(SearchRepository);
    for (let i = 0; i < 7; i++) await search.searchPublished('reading', 10, null);
    const plans = await sqlRows<{ generic: number; custom: number }>(
      t.prisma.searchPool,
      Prisma.sql`SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE ${'%ts_rank_cd%'}`,
    );
    expect(plans).toEqual([{ generic: 0, custom: 7 }]);
  });

  it('prepares each statement once per connection and reuses it', async () => {
    // Run one after the other, both statements land on the same idle connection.
    const probe = Prisma.sql`SELECT name, generic_plans::int AS generic FROM pg_prepared_statements WHERE name LIKE ${'byline_%'}`;
    await sqlRows(t.prisma.readPool, probe);
    const [own] = await sqlRows<{ name: string; generic: number }>(t.prisma.readPool, probe);
    expect(own.name).toMatch(/^byline_[0-9a-f]{40}$/);
    expect(own.generic).toBeGreaterThanOrEqual(1);
  });

  it('falls back to an unnamed statement when a migration changes a selected column type under it', async () => {
    await t.prisma.$executeRawUnsafe('CREATE TABLE read_pool_probe (v int)');
    try {
      await t.prisma.$executeRawUnsafe('INSERT INTO read_pool_probe VALUES (7)');
      const read = () => sqlRows<{ v: unknown }>(t.prisma.readPool, Prisma.sql`SELECT v FROM read_pool_probe`);
      expect(await read()).toEqual([{ v: 7 }]);
      await t.prisma.$executeRawUnsafe('ALTER TABLE read_pool_probe ALTER COLUMN v TYPE text');
      expect(await read()).toEqual([{ v: '7' }]);
      expect(await read()).toEqual([{ v: '7' }]);
    } finally {
      await t.prisma.$executeRawUnsafe('DROP TABLE read_pool_probe');
    }
  });
});

describe('the public read pool with DATABASE_PREPARED_STATEMENTS=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
  });
  afterAll(() => t.close());

  it('is Prisma’s pool (search’s too), and statements stay unnamed', async () => {
    expect(t.prisma.readPool).toBe(t.prisma.pool);
    expect(t.prisma.searchPool).toBe(t.prisma.pool);
    const probe = Prisma.sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE ${'byline_%'}`;
    await sqlRows(t.prisma.readPool, probe);
    expect((await sqlRows<{ n: number }>(t.prisma.readPool, probe))[0].n).toBe(0);
  });
});
