// `npm run bench`: speed and memory targets of the read API, measured against the built app on a real
// PostgreSQL (DATABASE_URL, or the embedded server in a throwaway data directory). Loopback only.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = new URL('..', import.meta.url).pathname;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const ARTICLE_QUERY = `query Article($slug: String!) {
  post(slug: $slug) {
    title publishedAt html toc { id text level } readingTime { minutes }
    featureImage { url alt caption } tags { slug name } authors { name avatarUrl }
  }
}`;

const ARTICLE_BODY = JSON.stringify({ query: ARTICLE_QUERY, variables: { slug: 'the-case-for-the-long-read' } });

// Targets for one 2-core machine that also runs the PostgreSQL server; a run fails (exit 1) when one is missed.
// Each scenario runs twice: on a normal server, where repeated public reads are answered by the response
// cache (one statement each), and with RESPONSE_CACHE_MB=0, where every request does the full work.
const scenarios = [
  { name: 'REST list (15 posts + tags + authors)', path: '/api/posts', cached: { minRps: 400, maxP99Ms: 150 }, uncached: { minRps: 110, maxP99Ms: 500 } },
  { name: 'REST article by slug', path: '/api/posts/slug/the-case-for-the-long-read', cached: { minRps: 400, maxP99Ms: 150 }, uncached: { minRps: 150, maxP99Ms: 350 } },
  { name: 'REST list filtered by tag', path: '/api/posts?limit=10&tag=writing,typography', cached: { minRps: 400, maxP99Ms: 150 }, uncached: { minRps: 110, maxP99Ms: 500 } },
  { name: 'GraphQL article page', path: '/graphql', method: 'POST', body: ARTICLE_BODY, cached: { minRps: 400, maxP99Ms: 150 }, uncached: { minRps: 110, maxP99Ms: 500 } },
];
// Memory budget of the API process (RSS) after all the load of one mode, response caches included.
const MAX_RSS_MB = 512;

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function startApp(port, extraEnv) {
  mkdirSync(join(root, '.data'), { recursive: true });
  const work = mkdtempSync(join(root, '.data', 'bench-'));
  const env = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    EMBEDDED_PG_DATA_DIR: join(work, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    // One load generator is one client address: keep the limiter in the path (its cost is measured) but out of the way.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extraEnv,
  };
  if (env.DATABASE_URL) env.SEED_ON_START = 'true';
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false)) return { child, work };
    await new Promise((r) => setTimeout(r, 250));
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
  throw new Error('app did not start');
}

// The write-time body pipeline on a maximal (1 MiB) Markdown body.
async function benchBodyPipeline() {
  const { renderBody } = await import(join(root, 'dist/src/modules/content-body/domain/render-body.js'));
  const article = readFileSync(join(root, 'prisma/seed/content/posts/the-case-for-the-long-read.md'), 'utf8');
  const big = article.repeat(Math.ceil(2 ** 20 / article.length));
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    renderBody({ format: 'markdown', source: big }, { wordsPerMinute: 200 });
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[2];
  return { scenario: 'render a 1 MiB Markdown body', 'req/s': '', 'p50 ms': Math.round(median), 'p99 ms': '', errors: '', target: '≤1000 ms', pass: median <= 1000 };
}

async function loadScenarios(mode, extraEnv) {
  const port = await freePort();
  const { child, work } = await startApp(port, extraEnv);
  const base = `http://127.0.0.1:${port}`;
  const results = [];
  try {
    for (const s of scenarios) {
      const target = s[mode];
      const r = await autocannon({
        url: base + s.path,
        method: s.method ?? 'GET',
        body: s.body,
        headers: s.body ? { 'content-type': 'application/json' } : {},
        connections: CONNECTIONS,
        duration: DURATION_S,
      });
      const ok = r.non2xx === 0 && r.errors === 0;
      results.push({
        scenario: `${s.name} [${mode}]`,
        'req/s': Math.round(r.requests.average),
        'p50 ms': r.latency.p50,
        'p99 ms': r.latency.p99,
        errors: r.non2xx + r.errors,
        target: `≥${target.minRps} req/s, p99 ≤${target.maxP99Ms} ms`,
        pass: ok && r.requests.average >= target.minRps && r.latency.p99 <= target.maxP99Ms,
      });
    }
    const rss = rssMb(child.pid);
    results.push({ scenario: `RSS after load [${mode}]`, 'req/s': '', 'p50 ms': '', 'p99 ms': '', errors: '', target: `≤${MAX_RSS_MB} MB`, pass: rss <= MAX_RSS_MB, value: `${rss.toFixed(0)} MB` });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

async function run() {
  const results = [await benchBodyPipeline()];
  results.push(...(await loadScenarios('cached', {})));
  results.push(...(await loadScenarios('uncached', { RESPONSE_CACHE_MB: '0' })));
  console.table(results);
  if (results.some((r) => !r.pass)) {
    console.error('bench: a target was missed');
    process.exitCode = 1;
  }
}

run().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
