import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// Prisma's CLI runs with the JS schema engine (its native engines cannot be downloaded on offline
// machines). Each patch below works around an upstream bug; remove it when the bug is fixed.

// prisma/orm#27403: the JS schema engine cannot decode Postgres `name` (oid 19) and `"char"`
// (oid 18) columns from its introspection queries. Report them as `text` (oid 25).
const poolQuery = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
(pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Pool,
  ...args: unknown[]
) {
  const result = poolQuery.apply(this, args) as Promise<pg.QueryResult> | undefined;
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    return result.then((res) => {
      res?.fields?.forEach((f) => {
        if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
      });
      return res;
    });
  }
  return result;
};

// The wasm schema engine arms a 10 s timer it never clears, so migrate commands linger ~10 s
// after finishing. Unref long timers so the CLI exits when its work is done.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = realSetTimeout(handler, ms, ...rest);
  if ((ms ?? 0) >= 5000) timer.unref();
  return timer;
}) as typeof setTimeout;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type MigrateConnection = { executeScript(s: string): Promise<void>; queryRaw(q: unknown): Promise<{ columnNames: string[]; columnTypes: number[] }> };
type TransactionCapable = { startTransaction(...args: unknown[]): Promise<MigrateConnection> };

// The "char" workaround above also turns pg_constraint.contype into text, and the schema describer then
// panics ("Getting constraint_type ... as char failed", RuntimeError: unreachable) as soon as a migration
// creates a constraint trigger. Give that one column its character type (ColumnType 6) back.
const CHARACTER_COLUMN = 6;
function withCharConstraintType<T extends MigrateConnection>(conn: T): T {
  const queryRaw = conn.queryRaw.bind(conn);
  conn.queryRaw = async (query: unknown) => {
    const result = await queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (name === 'constraint_type') result.columnTypes[i] = CHARACTER_COLUMN;
    });
    return result;
  };
  if ('startTransaction' in conn) {
    const capable = conn as unknown as TransactionCapable;
    const startTransaction = capable.startTransaction.bind(conn);
    capable.startTransaction = async (...args: unknown[]) => withCharConstraintType(await startTransaction(...args));
  }
  return conn;
}

// adapter-pg's executeScript splits migration SQL on every ";", which breaks function bodies and
// string literals. Send each script whole over the simple query protocol, as the native engine does.
function forMigrate<T extends MigrateConnection>(conn: T): T {
  const pool = (conn as unknown as { client: pg.Pool }).client;
  conn.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return withCharConstraintType(conn);
}

const SHADOW_PREFIX = 'prisma_shadow_';

// A migrate command that crashes never disposes its shadow database. Before making a new one, drop those
// left by processes of this machine that are gone (their pid is in the name); live ones are kept.
async function dropAbandonedShadows(admin: MigrateConnection): Promise<void> {
  const pool = (admin as unknown as { client: pg.Pool }).client;
  const { rows } = await pool.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%'",
  );
  for (const { datname } of rows) {
    const pid = Number(/^prisma_shadow_(\d+)_\d+$/.exec(datname)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await pool.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// PrismaPg.connectToShadowDb drops the shadow database while its pool is still connected
// ("database is being accessed by other users"): end our pool first, then drop it.
class MigratePg extends PrismaPg {
  override async connect() {
    return forMigrate(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    await dropAbandonedShadows(admin);
    const database = `${SHADOW_PREFIX}${process.pid}_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = new PrismaPg({
      connectionString: withDatabase(process.env.DATABASE_URL!, database),
      allowExitOnIdle: true,
    });
    const conn = forMigrate(await shadow.connect());
    const dispose = conn.dispose.bind(conn);
    conn.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return conn;
  }
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    // allowExitOnIdle: the CLI never ends this pool; without it every migrate command lingers.
    return new MigratePg({ connectionString: process.env.DATABASE_URL!, allowExitOnIdle: true });
  },
});
