// Processes and databases of a bench run: throwaway databases on the PostgreSQL server of DATABASE_URL,
// the API as a child process (never in the load generator's process), and RSS sampling from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl, fn) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl, name) {
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return withDatabase(serverUrl, name);
}

/** FORCE also ends backends still running a statement the API started (a write that never returned). */
export async function dropDatabase(serverUrl, name) {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export function run(command, args, { cwd, env, timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${out}`));
    });
  });
}

/** The committed migrations, through the same Prisma CLI `npm run migrate:deploy` uses. */
export async function migrate(root, databaseUrl) {
  const started = performance.now();
  await run(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1' },
  });
  return Math.round(performance.now() - started) / 1000;
}

export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS'));
    return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; `peak` and the series are kept. */
export function rssSampler(pid, everyMs = 1000) {
  const samples = [];
  const t0 = Date.now();
  const take = () => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push([Math.round((Date.now() - t0) / 1000), mb]);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    mark: () => samples.length,
    peak: (from = 0) => Math.max(0, ...samples.slice(from).map(([, mb]) => mb)),
    stop: () => clearInterval(timer),
  };
}

export async function waitFor(predicate, { timeoutMs, everyMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const isReady = (base) =>
  fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status === 200,
    () => false,
  );

/**
 * Starts the API (`node dist/src/main.js`, or `command` such as `npm start`) on a free port and waits
 * until /health/ready answers 200. Returns the child, its base URL and the time to ready.
 */
export async function startApi({ root, databaseUrl, env = {}, command, nodeArgs = [], readyTimeoutMs = 180_000, log }) {
  const port = await freePort();
  const started = performance.now();
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    // One load generator is one client address: the limiter stays in the path (its cost is measured)
    // but never refuses the load.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_SEARCH_PER_MINUTE: '1000000',
    RATE_LIMIT_TOKEN_PER_MINUTE: '1000000',
    ...env,
  };
  const [cmd, args] = command ?? [process.execPath, [...nodeArgs, join(root, 'dist/src/main.js')]];
  // Own process group, so `npm start` and its node child stop together.
  const child = spawn(cmd, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  let gone = false;
  exited.then(() => (gone = true));
  try {
    await waitFor(async () => gone || (await isReady(base)), { timeoutMs: readyTimeoutMs, everyMs: 50, what: 'the API to be ready' });
  } catch (error) {
    await stopProcess(child, exited);
    throw new Error(`${error.message}\n${output}`);
  }
  if (gone) throw new Error(`the API exited before it was ready:\n${output}`);
  const readyMs = Math.round(performance.now() - started);
  log?.(`  API ready on ${base} in ${readyMs} ms`);
  return { child, base, readyMs, exited, output: () => output, stop: () => stopProcess(child, exited) };
}

/** SIGTERM to the process group, SIGKILL after 20 s. */
export async function stopProcess(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  const signal = (s) => {
    try {
      process.kill(-child.pid, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 20_000);
  const result = await exited;
  clearTimeout(timer);
  return result;
}

/** The pid of the node process serving the API (under `npm start` it is a child of npm). */
export function apiPid(child) {
  const children = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let pid = child.pid;
  for (;;) {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmd.includes('dist/src/main.js')) return pid;
    const next = children(pid)[0];
    if (!next) return child.pid;
    pid = next;
  }
}
