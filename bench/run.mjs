// `npm run bench`: the read and write paths of the built app on a generated blog (1,000 and 100,000
// posts), each read case next to a bare node:http server answering the same bytes, with targets
// asserted as ratios to that ceiling. See bench/README.md for the knobs; results go to bench/results/.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { generateDataset, loadDataset, migrationsHash } from './lib/dataset.mjs';
import { apiPid, createDatabase, dropDatabase, migrate, rssSampler, startApi, waitFor } from './lib/infra.mjs';
import { capture, measure, startCeiling } from './lib/load.mjs';
import { summariseProfile } from './lib/profile.mjs';
import { fillRelated } from './lib/related.mjs';
import { concurrentCreates, createAndPublish, createToken, relatedConvergence, writeBodies } from './lib/writes.mjs';
import { checkTargets, printSummary } from './lib/targets.mjs';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const SMOKE = env.BENCH_SMOKE === '1';
const QUICK = env.BENCH_QUICK === '1';
const list = (v, fallback) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : fallback);

const options = {
  mode: SMOKE ? 'smoke' : QUICK ? 'quick' : 'full',
  seed: Number(env.BENCH_SEED ?? 7),
  sizes: list(env.BENCH_SIZES, SMOKE ? ['40'] : QUICK ? ['1000'] : ['1000', '100000']).map(Number),
  connections: list(env.BENCH_CONNECTIONS, SMOKE ? ['10'] : ['10', '100']).map(Number),
  durationS: Number(env.BENCH_DURATION ?? (SMOKE ? 1 : QUICK ? 4 : 10)),
  cases: list(env.BENCH_CASES, ['a', 'b', 'c', 'd', 'e', 'f']),
  modes: list(env.BENCH_MODES, SMOKE ? ['warm'] : ['warm', 'cold']),
  sustainS: Number(env.BENCH_SUSTAIN_S ?? (SMOKE ? 2 : QUICK ? 30 : 90)),
  writes: Number(env.BENCH_WRITES ?? (SMOKE ? 2 : QUICK ? 12 : 40)),
  burst: Number(env.BENCH_BURST ?? (SMOKE ? 0 : 20)),
  writeTimeoutS: Number(env.BENCH_WRITE_TIMEOUT_S ?? 60),
  related: env.BENCH_RELATED ?? 'auto',
  relatedBudgetS: Number(env.BENCH_RELATED_BUDGET_S ?? (QUICK || SMOKE ? 120 : 600)),
  relatedCallTimeoutS: Number(env.BENCH_RELATED_CALL_TIMEOUT_S ?? 300),
  restart: env.BENCH_RESTART ? env.BENCH_RESTART === '1' : !SMOKE,
  profile: env.BENCH_PROFILE ? env.BENCH_PROFILE === '1' : !SMOKE,
  profileS: Number(env.BENCH_PROFILE_S ?? 16),
  keepDb: env.BENCH_KEEP_DB === '1',
  keepProfile: env.BENCH_KEEP_PROFILE === '1',
};
const serverUrl = env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const t0 = Date.now();
const log = (message) => process.stdout.write(`[bench ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s] ${message}\n`);

const LIST_FIELDS = 'id slug title excerpt featured publishedAt url readingTime { minutes words } featureImage { url alt } tags { id slug name } primaryAuthor { slug name }';
const gql = (query, variables) => JSON.stringify({ query, variables });

function cases(m) {
  return {
    a: { name: 'REST list of 20 with tags', path: '/api/posts?limit=20', check: (j) => j.data?.length === Math.min(20, m.published) },
    b: {
      name: 'GraphQL list of 20 with tags',
      path: '/graphql',
      method: 'POST',
      body: gql(`query List { posts(first: 20) { nodes { ${LIST_FIELDS} } } }`),
      check: (j) => j.data?.posts?.nodes?.length === Math.min(20, m.published),
    },
    c: { name: 'one post by slug, with html', path: `/api/posts/slug/${m.articleSlug}`, check: (j) => typeof j.data?.html === 'string' && j.data.html.length > 1000 },
    d: { name: `search "${m.searchWord}", 10 hits`, path: `/api/search?q=${m.searchWord}&limit=10`, check: (j) => j.data?.length > 0 },
    e: { name: 'related posts', path: `/api/posts/slug/${m.articleSlug}/related?limit=5`, check: (j) => Array.isArray(j.data) },
    f: { name: 'REST list of 20 filtered by tag', path: `/api/posts?limit=20&tag=${m.filterTag}`, check: (j) => j.data?.length > 0 },
  };
}

const results = {
  startedAt: new Date().toISOString(),
  options,
  machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  migrations: migrationsHash(root),
  sizes: {},
  sustained: null,
  restart: null,
  profile: null,
  errors: [],
};

/** Captures every case's bytes from the API, checks them, and hands them to the ceiling server. */
async function prepareCases(api, ceiling, defs) {
  const captured = {};
  for (const [id, def] of Object.entries(defs)) {
    const r = await capture(api.base, def);
    let json = null;
    try {
      json = JSON.parse(r.text);
    } catch {
      /* checked below */
    }
    const ok = r.status === 200 && json && def.check(json);
    captured[id] = { status: r.status, bytes: r.bytes, ok: Boolean(ok), hits: Array.isArray(json?.data) ? json.data.length : undefined };
    if (!ok) log(`  case (${id}) answered ${r.status} ${r.text.slice(0, 300)}`);
    r.id = id;
    captured[id].route = r;
  }
  await ceiling.setRoutes(Object.values(captured).map(({ route }) => ({ key: route.key, status: route.status, headers: route.headers, body: route.body })));
  for (const c of Object.values(captured)) delete c.route;
  return captured;
}

async function readPhase({ size, mode, databaseUrl, manifest, ceiling }) {
  const defs = Object.fromEntries(Object.entries(cases(manifest)).filter(([id]) => options.cases.includes(id)));
  const api = await startApi({ root, databaseUrl, env: mode === 'cold' ? { RESPONSE_CACHE_MB: '0' } : {}, log });
  const pid = apiPid(api.child);
  const rss = rssSampler(pid, 500);
  const out = { readyMs: api.readyMs, cases: {} };
  try {
    out.captured = await prepareCases(api, ceiling, defs);
    for (const [id, def] of Object.entries(defs)) {
      const request = { method: def.method, body: def.body };
      // A short warm-up: JIT, pool connections and (warm mode) the cache entry.
      if (options.mode !== 'smoke') await measure({ url: api.base + def.path, ...request, connections: 10, durationS: 1 });
      out.cases[id] = { name: def.name, bytes: out.captured[id].bytes, byConnections: {} };
      for (const connections of options.connections) {
        const mark = rss.mark();
        // The smoke checks the ceiling once; its numbers are not compared with anything.
        const ceilingRun =
          options.mode === 'smoke' && id !== Object.keys(defs)[0]
            ? { rps: null, p50: null, p99: null }
            : await measure({ url: ceiling.base + def.path, ...request, connections, durationS: options.durationS });
        const apiRun = await measure({ url: api.base + def.path, ...request, connections, durationS: options.durationS });
        const ratio = ceilingRun.rps ? Math.round((apiRun.rps / ceilingRun.rps) * 10000) / 10000 : null;
        out.cases[id].byConnections[connections] = { api: apiRun, ceiling: ceilingRun, ratio, peakRssMb: rss.peak(mark) };
        log(
          `  ${size} ${mode} (${id}) ${connections}c: ${apiRun.rps} req/s p50 ${apiRun.p50} p99 ${apiRun.p99} ms` +
            (ratio === null ? '' : ` | ceiling ${ceilingRun.rps} req/s → ${(ratio * 100).toFixed(2)}%`) +
            (apiRun.non2xx + apiRun.errors + apiRun.timeouts ? ` | ${apiRun.non2xx} non-2xx, ${apiRun.errors} errors, ${apiRun.timeouts} timeouts` : ''),
        );
      }
    }
    if (mode === 'warm' && options.sustainS > 0 && !results.sustained) results.sustained = await sustained(api, defs.a ?? Object.values(defs)[0], rss, size);
  } finally {
    rss.stop();
    await api.stop();
  }
  out.peakRssMb = rss.peak();
  out.rss = rss.samples;
  return out;
}

/** One warm case for `sustainS` seconds: requests/s per 5 s window and RSS, to expose accumulating state. */
async function sustained(api, def, rss, size) {
  log(`  sustained load: ${def.name}, ${options.sustainS} s at 10 connections`);
  const windows = [];
  let current = { n: 0, s: 0 };
  const mark = rss.mark();
  const run = await measure({
    url: api.base + def.path,
    method: def.method,
    body: def.body,
    connections: 10,
    durationS: options.sustainS,
    onTick: ({ counter }) => {
      current.n += counter;
      if (++current.s === 5) {
        windows.push({ rps: Math.round(current.n / 5), rssMb: rss.samples.at(-1)?.[1] ?? null });
        current = { n: 0, s: 0 };
      }
    },
  });
  const rpsSeries = windows.map((w) => w.rps);
  log(`  sustained rps per 5 s: ${rpsSeries.join(' ')}`);
  return { size, case: def.name, seconds: options.sustainS, run, windows, peakRssMb: rss.peak(mark) };
}

async function writePhase({ size, databaseUrl, manifest }) {
  const api = await startApi({ root, databaseUrl, log });
  const rss = rssSampler(apiPid(api.child), 500);
  const out = {};
  try {
    const token = await createToken(databaseUrl);
    const timeoutMs = options.writeTimeoutS * 1000;
    log(`  ${size}: ${options.writes} create+publish, 4 in flight`);
    out.createPublish = await createAndPublish({ base: api.base, token, bodies: writeBodies(manifest, options.writes, size + 1), inFlight: 4, timeoutMs, log });
    const cp = out.createPublish;
    log(`  create p50 ${cp.create.p50} p99 ${cp.create.p99} ms (${cp.create.failures} failed); publish p50 ${cp.publish.p50} p99 ${cp.publish.p99} ms (${cp.publish.failures} failed)`);
    if (options.burst > 0 && !cp.stalled) {
      out.burst = await concurrentCreates({ base: api.base, token, bodies: writeBodies(manifest, options.burst, size + 2), timeoutMs });
      log(`  ${options.burst} concurrent creates: p50 ${out.burst.p50} p99 ${out.burst.p99} ms (${out.burst.failures} failed)`);
    } else if (options.burst > 0) {
      out.burst = { skipped: 'writes stalled' };
    }
    if (!cp.stalled) {
      out.relatedConvergence = await relatedConvergence({ base: api.base, token, body: writeBodies(manifest, 1, size + 3)[0], timeoutMs });
      log(`  related list of a new post filled ${out.relatedConvergence.ms ?? 'never'} ms after its publish answered`);
    } else {
      out.relatedConvergence = { skipped: 'writes stalled' };
    }
  } finally {
    rss.stop();
    await api.stop();
  }
  out.peakRssMb = rss.peak();
  return out;
}

/** A second `npm start` on an unchanged checkout (the harness built it already): time to ready. */
async function restartPhase(databaseUrl) {
  log('  npm start on the built checkout');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const api = await startApi({ root, databaseUrl, command: [npm, ['start']], readyTimeoutMs: 300_000, log });
  await api.stop();
  const bare = await startApi({ root, databaseUrl, log });
  await bare.stop();
  return { npmStartMs: api.readyMs, nodeMainMs: bare.readyMs };
}

async function profilePhase({ databaseUrl, manifest }) {
  const dir = join(root, '.data', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `profile-${process.pid}.cpuprofile`);
  rmSync(file, { force: true });
  const def = cases(manifest).a;
  const api = await startApi({
    root,
    databaseUrl,
    env: { RESPONSE_CACHE_MB: '0', BENCH_CPU_PROFILE_FILE: file },
    nodeArgs: ['-r', join(root, 'bench/lib/profile-preload.cjs')],
    log,
  });
  let run;
  try {
    await measure({ url: api.base + def.path, connections: 10, durationS: 2 });
    log(`  profiling the cold list under load for ${options.profileS} s`);
    process.kill(api.child.pid, 'SIGWINCH');
    run = await measure({ url: api.base + def.path, connections: 10, durationS: options.profileS });
    process.kill(api.child.pid, 'SIGWINCH');
    await waitFor(() => existsSync(file), { timeoutMs: 60_000, what: 'the CPU profile' });
  } finally {
    await api.stop();
  }
  const summary = summariseProfile(file);
  if (!options.keepProfile) rmSync(file, { force: true });
  for (const l of summary.layers.slice(0, 12)) log(`    ${String(l.share).padStart(5)}%  ${l.layer}`);
  return { case: def.name, rps: run.rps, ...summary };
}

/** The write-time body pipeline on a maximal (1 MiB) Markdown body: median of 5. */
async function bodyPipeline() {
  const { renderBody } = await import(join(root, 'dist/src/modules/content-body/domain/render-body.js'));
  const article = readFileSync(join(root, 'prisma/seed/content/posts/the-case-for-the-long-read.md'), 'utf8');
  const big = article.repeat(Math.ceil(2 ** 20 / article.length));
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    renderBody({ format: 'markdown', source: big }, { wordsPerMinute: 200 });
    times.push(performance.now() - started);
  }
  const medianMs = Math.round(times.sort((a, b) => a - b)[2]);
  log(`  rendering a 1 MiB Markdown body: ${medianMs} ms (median of 5)`);
  return { medianMs };
}

async function benchSize(size, ceiling) {
  log(`== ${size} posts`);
  const manifest = await generateDataset({ root, seed: options.seed, size, log });
  log(`  dataset ${manifest.cached ? 'cached' : `generated in ${manifest.generationSeconds} s`}: ${manifest.published} published, ${manifest.drafts} drafts (${manifest.dir})`);
  const dbName = `byline_bench_${process.pid}_${size}`;
  const databaseUrl = await createDatabase(serverUrl, dbName);
  const out = { manifest: { ...manifest, dir: undefined }, database: dbName };
  results.sizes[size] = out;
  try {
    out.migrateSeconds = await migrate(root, databaseUrl);
    log(`  migrated in ${out.migrateSeconds} s; loading`);
    const loadStarted = performance.now();
    out.load = await loadDataset(databaseUrl, manifest, log);
    out.loadSeconds = Math.round(performance.now() - loadStarted) / 1000;
    out.related = await fillRelated({
      databaseUrl,
      strategy: options.related,
      budgetS: options.relatedBudgetS,
      callTimeoutS: options.relatedCallTimeoutS,
      firstSlugs: [manifest.articleSlug],
      log,
    });
    log(`  related lists: ${out.related.used} (${out.related.seconds ?? 0} s)`);
    out.reads = {};
    for (const mode of options.modes) out.reads[mode] = await readPhase({ size, mode, databaseUrl, manifest, ceiling });
    if (options.profile && !results.profile) results.profile = await profilePhase({ databaseUrl, manifest });
    if (options.writes > 0) out.writes = await writePhase({ size, databaseUrl, manifest });
    if (options.restart && !results.restart) results.restart = await restartPhase(databaseUrl);
  } finally {
    if (!options.keepDb) await dropDatabase(serverUrl, dbName);
  }
}

const resultsFile = join(root, 'bench', 'results', `${results.startedAt.replace(/[:.]/g, '-')}${options.mode === 'full' ? '' : `-${options.mode}`}.json`);
/** Written after every size too, so a run that dies late keeps what it measured. */
function save() {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2));
}

async function main() {
  // Every process on the machine takes CPU from the API, the ceiling and autocannon alike, but not in
  // proportion: shares of the ceiling are only comparable between runs on an otherwise idle machine.
  const [load1] = os.loadavg();
  if (load1 > os.cpus().length) log(`WARNING: load average ${load1.toFixed(1)} on ${os.cpus().length} cores: the machine is busy; absolute numbers and shares will be off`);
  log(`mode ${options.mode}: sizes ${options.sizes.join(', ')}, ${options.durationS} s per measurement, connections ${options.connections.join(', ')}`);
  if (options.mode !== 'smoke') results.bodyPipeline = await bodyPipeline();
  const ceiling = await startCeiling(join(root, 'bench/lib/ceiling-server.mjs'));
  try {
    for (const size of options.sizes) {
      try {
        await benchSize(size, ceiling);
      } catch (error) {
        log(`  ${size} posts: the run failed: ${error.stack ?? error}`);
        results.errors.push({ size, error: String(error.message ?? error).slice(0, 2000) });
      }
      save();
    }
  } finally {
    await ceiling.stop();
  }
  results.finishedAt = new Date().toISOString();
  results.checks = checkTargets(results, options);
  save();
  const failed = printSummary(results, options);
  log(`results: ${resultsFile}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});


