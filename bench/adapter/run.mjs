// `node bench/adapter/run.mjs` (after `npm --prefix bench/adapter ci --legacy-peer-deps`): Nest on Express
// vs Nest on Fastify vs bare node:http, on the minimal equivalent in server.cjs, against a generated
// 1,000-post blog. Rounds alternate the servers so machine noise spreads over all of them.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { generateDataset, loadDataset } from '../lib/dataset.mjs';
import { createDatabase, dropDatabase, migrate } from '../lib/infra.mjs';
import { measure } from '../lib/load.mjs';

const root = new URL('../..', import.meta.url).pathname;
const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const durationS = Number(process.env.BENCH_DURATION ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const kinds = ['bare', 'express', 'fastify'];

async function start(kind, databaseUrl) {
  const child = fork(join(root, 'bench/adapter/server.cjs'), [], { env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_ADAPTER: kind, NODE_ENV: 'production' } });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.once('exit', r), child.disconnect())) };
}

const manifest = await generateDataset({ root, seed: 7, size: 1000 });
const name = `byline_bench_adapter_${process.pid}`;
const databaseUrl = await createDatabase(serverUrl, name);
const out = {};
try {
  await migrate(root, databaseUrl);
  await loadDataset(databaseUrl, manifest);
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) {
      const server = await start(kind, databaseUrl);
      try {
        for (const path of ['/api/posts?limit=20', '/api/cached']) {
          await measure({ url: server.base + path, connections, durationS: 1 });
          const r = await measure({ url: server.base + path, connections, durationS });
          (out[`${kind} ${path}`] ??= []).push(r);
          console.log(`round ${round + 1} ${kind.padEnd(7)} ${path.padEnd(20)} ${r.rps} req/s p50 ${r.p50} p99 ${r.p99} ms (${r.non2xx + r.errors} failed)`);
        }
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await dropDatabase(serverUrl, name);
}
const mean = (runs) => Math.round(runs.reduce((a, r) => a + r.rps, 0) / runs.length);
console.log('\n| route | bare node:http | Nest + Express | Nest + Fastify | Fastify / Express |');
console.log('|---|---|---|---|---|');
for (const path of ['/api/posts?limit=20', '/api/cached']) {
  const [b, e, f] = kinds.map((k) => mean(out[`${k} ${path}`]));
  console.log(`| ${path} | ${b} req/s | ${e} req/s (${Math.round((e / b) * 100)}%) | ${f} req/s (${Math.round((f / b) * 100)}%) | ${(f / e).toFixed(2)}× |`);
}
