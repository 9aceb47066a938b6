// `node bench/report.mjs [results.json]`: the Markdown tables of a run (the newest one by default), for
// the README's Performance section.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTargets } from './lib/targets.mjs';

const dir = new URL('results/', import.meta.url).pathname;
const file = process.argv[2] ?? join(dir, readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1));
const r = JSON.parse(readFileSync(file, 'utf8'));
// A run stopped before its end has no checks yet: check what it measured.
r.checks ??= checkTargets(r, r.options);
const n = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const failed = (a) => a.non2xx + a.errors + a.timeouts;

for (const conn of r.options.connections) {
  const columns = [];
  for (const [size, s] of Object.entries(r.sizes)) for (const mode of Object.keys(s.reads ?? {})) columns.push([size, mode]);
  if (!columns.length) continue;
  console.log(`\n${conn} connections: API req/s, p99, share of the bare node:http ceiling (ceiling req/s)\n`);
  console.log(`| case | ${columns.map(([size, mode]) => `${n(Number(size))} posts, ${mode}`).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  const ids = Object.keys(Object.values(r.sizes)[0]?.reads?.warm?.cases ?? Object.values(Object.values(r.sizes)[0]?.reads ?? {})[0]?.cases ?? {});
  for (const id of ids) {
    const name = Object.values(r.sizes)[0].reads[columns[0][1]].cases[id].name;
    const cells = columns.map(([size, mode]) => {
      const c = r.sizes[size].reads[mode]?.cases[id]?.byConnections[conn];
      if (!c) return '—';
      const f = failed(c.api);
      return `${n(c.api.rps)}, p99 ${c.api.requests ? `${n(c.api.p99)} ms` : "— (no answer)"}, **${(c.ratio * 100).toFixed(2)}%** (${n(c.ceiling.rps)})${f ? `, ${f} failed` : ''}`;
    });
    console.log(`| (${id}) ${name} | ${cells.join(' | ')} |`);
  }
  console.log(`| peak RSS of the API | ${columns.map(([size, mode]) => `${r.sizes[size].reads[mode].peakRssMb} MB`).join(' | ')} |`);
}

console.log('\n| other measurement | result |\n|---|---|');
if (r.bodyPipeline) console.log(`| rendering a 1 MiB Markdown body (median of 5) | ${n(r.bodyPipeline.medianMs)} ms |`);
if (r.sustained) console.log(`| sustained ${r.sustained.seconds} s, ${r.sustained.case}, req/s per 5 s | ${r.sustained.windows.map((w) => w.rps).join(' ')} (peak RSS ${r.sustained.peakRssMb} MB) |`);
for (const [size, s] of Object.entries(r.sizes)) {
  if (s.related) console.log(`| ${n(Number(size))} posts: related lists after the load | ${s.related.used}; app function ${s.related.appSecondsPerPost ?? '—'} s per post, ~${n(s.related.projectedAppSeconds)} s for all |`);
  if (s.load) console.log(`| ${n(Number(size))} posts: migrate + load | ${s.migrateSeconds} s + ${s.loadSeconds} s |`);
  const w = s.writes;
  if (!w) continue;
  const cp = w.createPublish;
  const fmt = (x) => (x.ok ? `p50 ${n(x.p50)} ms, p99 ${n(x.p99)} ms` : '') + (x.failures ? ` ${x.failures} of ${x.count} failed (${x.failed[0]})` : '');
  console.log(`| ${n(Number(size))} posts: create, 4 in flight | ${fmt(cp.create)}${cp.stalled ? '; stalled' : ''} |`);
  console.log(`| ${n(Number(size))} posts: publish, 4 in flight | ${cp.publish.count ? fmt(cp.publish) : 'none reached'} |`);
  if (w.burst) console.log(`| ${n(Number(size))} posts: 20 concurrent creates | ${w.burst.skipped ?? fmt(w.burst)} |`);
  if (w.relatedConvergence) console.log(`| ${n(Number(size))} posts: related list filled after publish | ${w.relatedConvergence.skipped ?? (w.relatedConvergence.ms === null ? w.relatedConvergence.error : `${n(w.relatedConvergence.ms)} ms`)} |`);
}
if (r.restart) console.log(`| second \`npm start\` until ready (of which \`node dist/src/main.js\`) | ${n(r.restart.npmStartMs)} ms (${n(r.restart.nodeMainMs)} ms) |`);
if (r.profile?.layers) console.log(`| CPU of a cold list under load | ${r.profile.layers.slice(0, 8).map((l) => `${l.layer} ${l.share}%`).join(', ')} |`);
const failedChecks = (r.checks ?? []).filter((c) => !c.pass);
console.log(`\n${r.checks.length - failedChecks.length} of ${r.checks.length} checks passed.`);
if (process.argv.includes('--checks') || process.argv[3] === '--checks') {
  console.log('\n| check | measured | target | result |\n|---|---|---|---|');
  for (const c of r.checks) console.log(`| ${c.what} | ${c.value} | ${c.target} | ${c.pass ? 'ok' : '**failed**'} |`);
}
