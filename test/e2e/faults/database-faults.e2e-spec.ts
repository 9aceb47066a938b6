import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppProcess, buildOnce, http, HttpResult, ROOT } from './app-process';
import { freePort, PrivatePostgres } from '../../helpers/private-postgres';

/**
 * The real app (node dist/src/main.js) against a PostgreSQL of its own that is stopped, crashed,
 * restarted, locked and has its backends killed under load. What must hold throughout: no response
 * >= 500 but 503, no acknowledged write lost or duplicated, the process alive, and full service within
 * seconds of the database returning. FAULT_CREATES sets the size of the restart run (default 200).
 */
describe('database faults (real process, private PostgreSQL)', () => {
  const CREATES = Number(process.env.FAULT_CREATES ?? 200);
  const CONCURRENCY = 20;
  let pg: PrivatePostgres;
  let app: AppProcess;
  let token: string;
  const databaseUrl = () => pg.url('byline');
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    buildOnce();
    pg = await PrivatePostgres.create();
    await pg.query('CREATE DATABASE byline');
  }, 600_000);

  afterAll(async () => {
    app?.kill();
    await pg?.destroy();
    // The figures quoted in the README come from here.
    process.stdout.write(`fault suite figures: ${JSON.stringify(figures)}\n`);
  });

  const problemCode = (res: HttpResult) => {
    try {
      return (JSON.parse(res.body) as { code?: string; errors?: { extensions?: { code?: string } }[] }).code ?? JSON.parse(res.body).errors?.[0]?.extensions?.code;
    } catch {
      return undefined;
    }
  };

  it('starts with the database down (live 200, ready and requests 503), then migrates and serves once it is up', async () => {
    await pg.stop('fast');
    // SHUTDOWN_DELAY_MS: the time our stand-in load balancer below needs to see readiness fail.
    app = AppProcess.start(await freePort(), { DATABASE_URL: databaseUrl(), SEED_ON_START: 'false', SHUTDOWN_DELAY_MS: '1500' });
    // Generous: booting Nest on a 2-core machine shared with other test runs can take a minute.
    await app.waitFor('live', async () => (await http(app.port, 'GET', '/health/live')).status === 200, 180_000);

    expect((await http(app.port, 'GET', '/health/ready')).status).toBe(503);
    const rest = await http(app.port, 'GET', '/api/posts');
    expect(rest.status).toBe(503);
    expect(rest.headers['content-type']).toContain('application/problem+json');
    expect(rest.headers['retry-after']).toBeDefined();
    expect(problemCode(rest)).toBe('SERVICE_UNAVAILABLE');
    const graphql = await http(app.port, 'POST', '/graphql', { body: { query: '{ posts(first: 1) { totalCount } }' } });
    expect(graphql.status).toBe(503);
    expect(problemCode(graphql)).toBe('SERVICE_UNAVAILABLE');

    await pg.start();
    figures.bootReadyAfterDatabaseMs = await app.waitReady(120_000);
    expect((await http(app.port, 'GET', '/api/posts')).status).toBe(200);
    expect(app.alive).toBe(true);
    expect(app.output).not.toMatch(/unhandled/i);

    const cli = execFileSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'token-create.js'), '--name', 'faults', '--scopes', 'content:read,content:write'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' },
    }).toString();
    token = cli.split('\n')[0];
    expect(token).toMatch(/^byl_/);
  }, 480_000);

  interface LoadReport {
    acknowledged: Map<string, string>;
    statuses: Map<number, number>;
    networkErrors: string[];
    titles: string[];
  }

  /** `count` idempotent creates at CONCURRENCY, each retried with its key on 503 and 409 IDEMPOTENCY_IN_PROGRESS. */
  async function createUnderFaults(run: string, count: number, onProgress: (acknowledged: number) => void): Promise<LoadReport> {
    const report: LoadReport = { acknowledged: new Map(), statuses: new Map(), networkErrors: [], titles: [] };
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const title = `Fault ${run} ${i}`;
        report.titles.push(title);
        const deadline = Date.now() + 120_000;
        while (Date.now() < deadline) {
          let res: HttpResult;
          try {
            res = await http(app.port, 'POST', '/api/admin/posts', {
              headers: { authorization: `Bearer ${token}`, 'idempotency-key': `${run}-${i}` },
              body: { title, markdown: `Written during the ${run} run.` },
            });
          } catch (error) {
            report.networkErrors.push(`${(error as { code?: string }).code ?? (error as Error).message}`);
            await sleep(200);
            continue;
          }
          report.statuses.set(res.status, (report.statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) {
            report.acknowledged.set(title, (JSON.parse(res.body) as { data: { id: string } }).data.id);
            onProgress(report.acknowledged.size);
            break;
          }
          const retryable = res.status === 503 || (res.status === 409 && problemCode(res) === 'IDEMPOTENCY_IN_PROGRESS');
          if (!retryable) throw new Error(`unexpected ${res.status} for ${title}: ${res.body}`);
          await sleep(Math.min(Number(res.headers['retry-after'] ?? 1), 1) * 1000);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return report;
  }

  async function expectNoLossNoDuplicates(run: string, report: LoadReport, count: number) {
    expect(report.acknowledged.size).toBe(count);
    const rows = await pg.query<{ id: string; title: string }>(`SELECT id::text, title FROM posts WHERE title LIKE 'Fault ${run} %'`, 'byline');
    const byTitle = new Map<string, string[]>();
    for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row.id]);
    const duplicates = [...byTitle.values()].filter((ids) => ids.length > 1);
    expect(duplicates).toEqual([]);
    for (const [title, id] of report.acknowledged) expect(byTitle.get(title)).toEqual([id]);
    expect(rows.length).toBe(count);
  }

  const serverErrors = (report: LoadReport) => [...report.statuses].filter(([status]) => status >= 500 && status !== 503);

  /** Time from the database accepting connections again to the app being ready and writing. */
  async function timeToFullService(): Promise<number> {
    const started = Date.now();
    await app.waitReady(30_000);
    await app.waitFor('writing', async () => {
      const res = await http(app.port, 'POST', '/api/admin/posts', { headers: { authorization: `Bearer ${token}` }, body: { title: `Probe ${Date.now()}`, markdown: 'probe' } });
      return res.status === 201;
    }, 30_000);
    // Each pool recovers, not only the writers': the public read pool and the search pool.
    await app.waitFor('reading', async () => (await http(app.port, 'GET', '/api/posts?limit=1')).status === 200, 30_000);
    await app.waitFor('searching', async () => (await http(app.port, 'GET', '/api/search?q=probe')).status === 200, 30_000);
    return Date.now() - started;
  }

  /** Runs `disrupt` once `fraction` of the creates have been acknowledged (or the load has ended). */
  function when(progress: () => number, target: number, done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setInterval(() => {
        if (progress() >= target || done()) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
    });
  }

  it(`loses and duplicates nothing while PostgreSQL restarts (-m fast, then -m immediate) under ${CREATES} idempotent creates`, async () => {
    let acknowledged = 0;
    let finished = false;
    const recovery: number[] = [];
    const load = createUnderFaults('restart', CREATES, (n) => (acknowledged = n)).finally(() => (finished = true));
    const restarts = (async () => {
      for (const [mode, fraction] of [['fast', 0.2], ['immediate', 0.55]] as const) {
        await when(() => acknowledged, Math.floor(CREATES * fraction), () => finished);
        await pg.stop(mode);
        // Reads on the public read pool and on the search pool answer 503 too (new keys: no cached answer).
        for (const path of [`/api/posts?limit=${mode === 'fast' ? 2 : 3}`, `/api/search?q=outage${mode}`]) {
          const res = await http(app.port, 'GET', path);
          expect({ path, status: res.status, code: problemCode(res), retryAfter: res.headers['retry-after'] !== undefined }).toEqual({
            path,
            status: 503,
            code: 'SERVICE_UNAVAILABLE',
            retryAfter: true,
          });
        }
        await sleep(2000);
        await pg.start();
        recovery.push(await timeToFullService());
      }
    })();
    const [report] = await Promise.all([load, restarts]);

    figures.restart = { creates: CREATES, statuses: Object.fromEntries(report.statuses), recoveryMs: recovery };
    expect(serverErrors(report)).toEqual([]);
    expect(report.networkErrors).toEqual([]);
    expect(app.alive).toBe(true);
    expect(report.statuses.get(503) ?? 0).toBeGreaterThan(0); // the outages were felt, and answered as such
    for (const ms of recovery) expect(ms).toBeLessThan(10_000);
    await expectNoLossNoDuplicates('restart', report, CREATES);
  }, 300_000);

  it('answers 503 and recovers when every backend of the app is terminated under load', async () => {
    let acknowledged = 0;
    let finished = false;
    const load = createUnderFaults('terminate', 60, (n) => (acknowledged = n)).finally(() => (finished = true));
    for (const target of [10, 30]) {
      await when(() => acknowledged, target, () => finished);
      await pg.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'byline' AND pid <> pg_backend_pid()`);
    }
    const report = await load;
    figures.terminate = { statuses: Object.fromEntries(report.statuses), fullServiceMs: await timeToFullService() };
    expect(serverErrors(report)).toEqual([]);
    expect(report.networkErrors).toEqual([]);
    await expectNoLossNoDuplicates('terminate', report, 60);
  }, 180_000);

  it('answers 503 within seconds, not after the lock, when a held table lock exhausts the pool', async () => {
    const locker = new Client({ connectionString: databaseUrl() });
    // An earlier scenario's restart may still end this session; the test reads failures from its queries.
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE posts IN ACCESS EXCLUSIVE MODE');
    const lockedAt = Date.now();
    try {
      // 30 requests on a 10-connection pool: 10 wait on the lock, 20 queue for a connection.
      const queued = Array.from({ length: 30 }, (_, i) =>
        (async () => {
          const started = Date.now();
          const res = await http(app.port, 'GET', `/api/admin/posts?limit=${(i % 20) + 1}`, { headers: { authorization: `Bearer ${token}` } });
          return { status: res.status, code: problemCode(res), ms: Date.now() - started };
        })(),
      );
      await sleep(300);
      const readyStarted = Date.now();
      const ready = await http(app.port, 'GET', '/health/ready');
      const readyMs = Date.now() - readyStarted;
      const results = await Promise.all(queued);
      const slowest = Math.max(...results.map((r) => r.ms));
      figures.lock = { readyStatus: ready.status, readyMs, slowestQueuedMs: slowest, statuses: results.map((r) => r.status) };

      expect(ready.status).toBe(503);
      expect(readyMs).toBeLessThan(4000); // its own 2 s deadline, plus a loaded machine's slack
      expect(results.every((r) => r.status === 503 && r.code === 'SERVICE_UNAVAILABLE')).toBe(true);
      expect(Date.now() - lockedAt).toBeLessThan(16_000); // all answered before a 20 s lock would have ended
      expect(slowest).toBeLessThan(14_000);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    figures.lockFullServiceMs = await timeToFullService();
  }, 120_000);

  it('drains in-flight requests on SIGTERM under load: none reset, no 5xx, exit 0', async () => {
    let stopping = false;
    const outcomes = { ok: 0, status5xx: [] as number[], refused: 0, reset: [] as string[] };
    let n = 0;
    // A load balancer in front: it polls readiness and stops routing new requests once it answers 503.
    let routing = true;
    const balancer = (async () => {
      while (!stopping) await sleep(20);
      while (routing) {
        const ready = await http(app.port, 'GET', '/health/ready').catch(() => ({ status: 0 }));
        if (ready.status !== 200) routing = false;
        else await sleep(100);
      }
    })();
    const client = async () => {
      while (routing) {
        const i = n++;
        try {
          const res =
            i % 2 === 0
              ? await http(app.port, 'GET', `/api/posts?limit=${(i % 50) + 1}`)
              : await http(app.port, 'POST', '/api/admin/posts', { headers: { authorization: `Bearer ${token}` }, body: { title: `Drain ${i}`, markdown: 'drain' } });
          if (res.status >= 500) outcomes.status5xx.push(res.status);
          else outcomes.ok++;
        } catch (error) {
          const code = (error as { code?: string }).code ?? (error as Error).message;
          if (code === 'ECONNREFUSED') {
            outcomes.refused++;
            return;
          }
          outcomes.reset.push(code);
        }
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await sleep(1500);
    stopping = true;
    const signalled = Date.now();
    const ended = app.stop('SIGTERM');
    const exit = await ended;
    const shutdownMs = Date.now() - signalled;
    await Promise.all([balancer, ...clients]);
    // Once the process is gone, a new connection is refused, not left hanging.
    outcomes.refused += await http(app.port, 'GET', '/health/live').then(() => 0, (e: { code?: string }) => (e.code === 'ECONNREFUSED' ? 1 : 0));
    figures.sigterm = { ...outcomes, status5xx: outcomes.status5xx.length, reset: outcomes.reset.length, shutdownMs };

    expect(exit).toEqual({ code: 0, signal: null });
    expect(outcomes.reset).toEqual([]);
    expect(outcomes.status5xx).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(app.output).toMatch(/draining/);
  }, 120_000);
});
