// The targets of issues 7, 8 and 10, as ratios to the bare-node ceiling where they are about speed,
// so a run passes or fails honestly on any machine. A smoke run asserts only that everything answered.

/** Share of the ceiling's requests/s, at 10 connections. */
const WARM_RATIO = { a: 0.4, b: 0.3, c: 0.4 };
const WARM_P99_MS_10 = 20;
const WARM_P99_MS_100 = 150;
const COLD_RATIO = { a: 0.05, f: 0.05, b: 0.04, c: 0.08, e: 0.03, d: 0.015 };
const SCALE_CASES = ['a', 'b', 'c', 'e'];
const SCALE_TOLERANCE = 0.8;
const SEARCH_P99_MS_LARGE = 500;
const WRITE_P99_MS = 1000;
const BURST_P99_MS = 1000;
const RELATED_CONVERGENCE_MS = 10_000;
const MAX_RSS_MB = 250;
const RESTART_MS = 10_000;
const SUSTAINED_FLOOR = 0.5;
const BODY_PIPELINE_MS = 1000;

const failures = (run) => run.non2xx + run.errors + run.timeouts;
const pct = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

export function checkTargets(results, options) {
  const checks = [];
  const add = (what, value, target, pass) => checks.push({ what, value: String(value), target, pass: Boolean(pass) });
  const smoke = options.mode === 'smoke';
  const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
  for (const e of results.errors ?? []) add(`${e.size} posts: the run completed`, e.error.split('\n')[0].slice(0, 120), 'no error', false);

  for (const size of sizes) {
    const s = results.sizes[size];
    for (const [mode, phase] of Object.entries(s.reads ?? {})) {
      for (const [id, c] of Object.entries(phase.captured ?? {})) {
        if (!c.ok) add(`${size} ${mode} (${id}) answers 200 with the expected shape`, c.status, '200', false);
      }
      let bad = 0;
      let silent = 0;
      for (const c of Object.values(phase.cases)) {
        for (const r of Object.values(c.byConnections)) {
          bad += failures(r.api);
          if (r.api.requests === 0) silent++;
        }
      }
      add(`${size} ${mode}: every request of the read cases answered 2xx`, `${bad} failed, ${silent} runs without an answer`, '0, 0', bad === 0 && silent === 0);
      if (smoke) continue;
      const at = (id, conn) => phase.cases[id]?.byConnections[conn];
      if (mode === 'warm') {
        for (const [id, min] of Object.entries(WARM_RATIO)) {
          const r = at(id, 10);
          if (!r) continue;
          add(`${size} warm (${id}) share of ceiling, 10c`, pct(r.ratio), `≥ ${pct(min)}`, r.ratio >= min);
          add(`${size} warm (${id}) p99, 10c`, `${r.api.p99} ms`, `≤ ${WARM_P99_MS_10} ms`, r.api.p99 <= WARM_P99_MS_10);
        }
        for (const id of Object.keys(phase.cases)) {
          const r = at(id, 100);
          if (r) add(`${size} warm (${id}) p99 and no errors, 100c`, `${r.api.p99} ms, ${failures(r.api)} failed`, `≤ ${WARM_P99_MS_100} ms, 0`, r.api.p99 <= WARM_P99_MS_100 && failures(r.api) === 0);
        }
      } else {
        for (const [id, min] of Object.entries(COLD_RATIO)) {
          const r = at(id, 10);
          if (r) add(`${size} cold (${id}) share of ceiling, 10c`, pct(r.ratio), `≥ ${pct(min)}`, r.ratio >= min);
        }
      }
    }
    if (s.writes) {
      const w = s.writes;
      const cp = w.createPublish;
      add(`${size} writes answered (create+publish, 4 in flight)`, `${cp.create.failures + cp.publish.failures} failed${cp.stalled ? ', stalled' : ''}`, '0', cp.create.failures + cp.publish.failures === 0 && !cp.stalled);
      if (!smoke) {
        add(`${size} create p99, 4 in flight`, `${cp.create.p99 ?? '—'} ms`, `≤ ${WRITE_P99_MS} ms`, cp.create.p99 !== null && cp.create.p99 <= WRITE_P99_MS && !cp.stalled);
        add(`${size} publish p99, 4 in flight`, `${cp.publish.p99 ?? '—'} ms`, `≤ ${WRITE_P99_MS} ms`, cp.publish.p99 !== null && cp.publish.p99 <= WRITE_P99_MS && !cp.stalled);
        if (w.burst) add(`${size} ${options.burst} concurrent creates p99`, w.burst.skipped ?? `${w.burst.p99} ms (${w.burst.failures} failed)`, `< ${BURST_P99_MS} ms`, !w.burst.skipped && w.burst.failures === 0 && w.burst.p99 < BURST_P99_MS);
        const rc = w.relatedConvergence;
        add(`${size} related list of a new post filled after publish`, rc.skipped ?? (rc.ms === null ? rc.error : `${rc.ms} ms`), `≤ ${RELATED_CONVERGENCE_MS} ms`, rc.ms !== null && rc.ms !== undefined && rc.ms <= RELATED_CONVERGENCE_MS);
      }
    }
  }

  if (!smoke && sizes.length > 1) {
    const small = results.sizes[sizes[0]];
    const large = results.sizes[sizes.at(-1)];
    for (const mode of Object.keys(large.reads ?? {})) {
      for (const id of SCALE_CASES) {
        const a = small.reads?.[mode]?.cases[id]?.byConnections[10];
        const b = large.reads[mode].cases[id]?.byConnections[10];
        if (!a || !b) continue;
        const kept = a.ratio ? b.ratio / a.ratio : null;
        add(`${sizes.at(-1)} vs ${sizes[0]} ${mode} (${id}), 10c`, kept === null ? '—' : `${Math.round(kept * 100)}% of the small figure`, `≥ ${SCALE_TOLERANCE * 100}%`, kept !== null && kept >= SCALE_TOLERANCE);
      }
    }
    const search = large.reads?.cold?.cases.d?.byConnections[10];
    if (search) add(`${sizes.at(-1)} cold search p99, every request answered, 10c`, `${search.api.p99} ms, ${failures(search.api)} failed`, `≤ ${SEARCH_P99_MS_LARGE} ms, 0`, search.api.p99 <= SEARCH_P99_MS_LARGE && failures(search.api) === 0);
  }

  if (results.sustained) {
    const s = results.sustained;
    const rps = s.windows.map((w) => w.rps).sort((a, b) => a - b);
    const median = rps[Math.floor(rps.length / 2)] ?? 0;
    const low = rps[0] ?? 0;
    add(`sustained ${s.seconds} s: no errors`, `${failures(s.run)} failed`, '0', failures(s.run) === 0);
    if (!smoke) add(`sustained ${s.seconds} s: slowest 5 s window vs median`, `${low} vs ${median} req/s`, `≥ ${SUSTAINED_FLOOR * 100}%`, median > 0 && low >= SUSTAINED_FLOOR * median);
  }

  if (!smoke) {
    const peaks = [];
    for (const s of Object.values(results.sizes)) {
      for (const p of Object.values(s.reads ?? {})) peaks.push(p.peakRssMb);
      if (s.writes) peaks.push(s.writes.peakRssMb);
    }
    const peak = Math.max(0, ...peaks);
    add('peak RSS of the API, whole run', `${peak} MB`, `< ${MAX_RSS_MB} MB`, peak < MAX_RSS_MB);
    if (results.bodyPipeline) add('rendering a 1 MiB Markdown body (median of 5)', `${results.bodyPipeline.medianMs} ms`, `≤ ${BODY_PIPELINE_MS} ms`, results.bodyPipeline.medianMs <= BODY_PIPELINE_MS);
    if (results.restart) add('second `npm start` until /health/ready is 200', `${results.restart.npmStartMs} ms`, `< ${RESTART_MS} ms`, results.restart.npmStartMs < RESTART_MS);
  }
  return checks;
}

/** Prints the measurements and the checks; returns true when a check failed. */
export function printSummary(results, options) {
  const rows = [];
  for (const [size, s] of Object.entries(results.sizes)) {
    for (const [mode, phase] of Object.entries(s.reads ?? {})) {
      for (const [id, c] of Object.entries(phase.cases)) {
        for (const [conn, r] of Object.entries(c.byConnections)) {
          rows.push([size, mode, `(${id}) ${c.name}`, conn, r.api.rps, r.api.p50, r.api.p99, failures(r.api), r.ceiling.rps, r.ceiling.p99, pct(r.ratio), c.bytes]);
        }
      }
      rows.push([size, mode, 'peak RSS of the API (MB)', '', phase.peakRssMb, '', '', '', '', '', '', '']);
    }
  }
  table(['posts', 'mode', 'case', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'failed', 'ceiling req/s', 'ceiling p99', 'share', 'bytes'], rows);
  const writeRows = [];
  for (const [size, s] of Object.entries(results.sizes)) {
    const w = s.writes;
    if (!w) continue;
    writeRows.push([size, 'create (4 in flight)', w.createPublish.create.count, w.createPublish.create.p50, w.createPublish.create.p99, w.createPublish.create.failures]);
    writeRows.push([size, 'publish (4 in flight)', w.createPublish.publish.count, w.createPublish.publish.p50, w.createPublish.publish.p99, w.createPublish.publish.failures]);
    if (w.burst && !w.burst.skipped) writeRows.push([size, `${w.burst.count} concurrent creates`, w.burst.count, w.burst.p50, w.burst.p99, w.burst.failures]);
    if (w.relatedConvergence) writeRows.push([size, 'related list filled after publish', 1, w.relatedConvergence.ms ?? '—', '', w.relatedConvergence.ms === null ? 1 : 0]);
  }
  if (writeRows.length) table(['posts', 'write', 'n', 'p50 ms', 'p99 ms', 'failed'], writeRows);
  if (results.profile?.layers) {
    table(['layer (cold list, CPU self time)', 'share'], results.profile.layers.map((l) => [l.layer, `${l.share}%`]));
  }
  table(['check', 'measured', 'target', 'result'], results.checks.map((c) => [c.what, c.value, c.target, c.pass ? 'ok' : 'FAILED']));
  const failed = results.checks.filter((c) => !c.pass);
  const load = results.machine?.loadAverageAtStart?.[0];
  if (load > results.machine?.cpus) console.log(`\nnote: the load average was ${load} on ${results.machine.cpus} cores when the run started; rerun on an idle machine before trusting the shares`);
  if (failed.length) {
    console.log(`\n${failed.length} of ${results.checks.length} checks FAILED:`);
    for (const c of failed) console.log(`  - ${c.what}: ${c.value} (target ${c.target})`);
  } else {
    console.log(`\nall ${results.checks.length} checks passed (${options.mode} run)`);
  }
  return failed.length > 0;
}

function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(line(cells[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}
