// Per-request CPU of one read, for one change at a time (see bench/README.md "Probing one case").
// node bench/probe.mjs <case a..f | live> [--profile] ; DATABASE_URL = a kept bench database (BENCH_KEEP_DB=1).
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/load.mjs';
import { apiPid, rssSampler, startApi } from './lib/infra.mjs';
import { summariseProfile } from './lib/profile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [id = 'a', ...flags] = process.argv.slice(2);
const profile = flags.includes('--profile');
const durationS = Number(process.env.PROBE_S ?? 8);
const connections = Number(process.env.PROBE_CONNECTIONS ?? 10);
// A fixed rate below saturation measures the CPU of a request with less of the 2 cores' contention in it.
const overallRate = process.env.PROBE_RATE ? Number(process.env.PROBE_RATE) : undefined;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL: a kept bench database');

const LIST_FIELDS = 'id slug title excerpt featured publishedAt url readingTime { minutes words } featureImage { url alt } tags { id slug name } primaryAuthor { slug name }';
const slug = process.env.PROBE_SLUG;
const CASES = {
  a: { path: '/api/posts?limit=20' },
  b: { path: '/graphql', method: 'POST', body: JSON.stringify({ query: `query List { posts(first: 20) { nodes { ${LIST_FIELDS} } } }` }) },
  c: { path: `/api/posts/slug/${slug}` },
  d: { path: `/api/search?q=${process.env.PROBE_WORD ?? 'the'}&limit=10` },
  e: { path: `/api/posts/slug/${slug}/related?limit=5` },
  f: { path: `/api/posts?limit=20&tag=${process.env.PROBE_TAG}` },
  // The framework's floor: the whole pipeline (middleware, logging, guards) around a constant 15-byte answer.
  live: { path: '/health/live' },
};
const c = CASES[id];

const HZ = 100;
/** [user, system] clock ticks of a process. */
const userSystem = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return [Number(f[11]), Number(f[12])];
};
const ticks = (pid) => userSystem(pid).reduce((a, b) => a + b);
/** [all, system] ticks of the API process, from one read of its stat file. */
const apiTicks = (pid) => {
  const [user, system] = userSystem(pid);
  return [user + system, system];
};
const postgresTicks = () => {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) sum += ticks(pid);
    } catch {
      /* gone */
    }
  }
  return sum;
};

const profileFile = join('/tmp', `probe-${id}.cpuprofile`);
const api = await startApi({
  root,
  databaseUrl,
  env: { RESPONSE_CACHE_MB: '0', BENCH_CPU_PROFILE_FILE: profileFile },
  nodeArgs: [...(process.env.PROBE_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(profile ? ['-r', join(root, 'bench/lib/profile-preload.cjs')] : [])],
});
const pid = apiPid(api.child);
const rss = rssSampler(pid, 250);
try {
  const url = api.base + c.path;
  await measure({ url, method: c.method, body: c.body, connections, durationS: 2 });
  if (profile) process.kill(pid, 'SIGWINCH');
  const [[a0, s0], p0] = [apiTicks(pid), postgresTicks()];
  const r = await measure({ url, method: c.method, body: c.body, connections, durationS, overallRate });
  const [[a1, s1], p1] = [apiTicks(pid), postgresTicks()];
  if (profile) process.kill(pid, 'SIGWINCH');
  const perRequest = (t) => Math.round(((t * 1000) / HZ / r.requests) * 100) / 100;
  console.log(JSON.stringify({ case: id, rps: r.rps, p99: r.p99, errors: r.errors + r.non2xx, apiMsPerRequest: perRequest(a1 - a0), apiKernelMsPerRequest: perRequest(s1 - s0), postgresMsPerRequest: perRequest(p1 - p0), peakRssMb: rss.peak() }));
  if (profile) {
    for (let i = 0; i < 100; i++) {
      try {
        readFileSync(profileFile);
        break;
      } catch {
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    console.log(JSON.stringify(summariseProfile(profileFile), null, 1));
  }
} finally {
  rss.stop();
  await api.stop();
}
