// Load generation with autocannon (in the harness process; the API and the ceiling are other processes).
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

const round = (n, d = 1) => (n === undefined || n === null || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d);

/**
 * One measurement: `connections` clients for `durationS` seconds. Returns mean requests/s, p50/p99 in
 * ms, and every failure counted (non-2xx, socket errors, timeouts). `overallRate` caps the requests/s.
 */
export async function measure({ url, method = 'GET', body, headers = {}, connections, durationS, timeoutS = 10, overallRate, onTick }) {
  const instance = autocannon({
    url,
    method,
    body,
    headers: body ? { 'content-type': 'application/json', ...headers } : headers,
    connections,
    duration: durationS,
    timeout: timeoutS,
    ...(overallRate ? { overallRate } : {}),
  });
  if (onTick) instance.on('tick', onTick);
  const r = await instance;
  return {
    rps: round(r.requests.average, 0),
    p50: round(r.latency.p50),
    p99: round(r.latency.p99),
    max: round(r.latency.max),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : null,
  };
}

/** Starts the ceiling server process; `setRoutes` hands it captured responses. */
export async function startCeiling(script) {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => (m.type === 'listening' ? resolve(m.port) : reject(new Error('ceiling: unexpected message'))));
    child.once('exit', () => reject(new Error('ceiling server exited')));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid,
    setRoutes: (routes) =>
      new Promise((resolve) => {
        child.once('message', resolve);
        child.send({ type: 'routes', routes });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.disconnect();
      }),
  };
}

// Per-connection or per-hop headers the ceiling's own node:http writes itself.
const HOP = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** One request through fetch, kept as { key, status, headers, body(base64) } for the ceiling. */
export async function capture(base, { path, method = 'GET', body }) {
  const res = await fetch(base + path, {
    method,
    body,
    headers: body ? { 'content-type': 'application/json' } : {},
    signal: AbortSignal.timeout(120_000),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const headers = {};
  res.headers.forEach((value, name) => {
    if (!HOP.has(name) && name !== 'content-encoding') headers[name] = value;
  });
  headers['content-length'] = String(bytes.length);
  return { key: `${method} ${path}`, status: res.status, headers, body: bytes.toString('base64'), bytes: bytes.length, text: bytes.toString('utf8') };
}
