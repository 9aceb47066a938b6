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

// adapter-pg's executeScript splits migration SQL on every ";", which breaks function bodies and
// string literals. Send each script whole over the simple query protocol, as the native engine does.
function wholeScripts<T extends { executeScript(s: string): Promise<void> }>(conn: T): T {
  const pool = (conn as unknown as { client: pg.Pool }).client;
  conn.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return conn;
}

// PrismaPg.connectToShadowDb drops the shadow database while its pool is still connected
// ("database is being accessed by other users"): end our pool first, then drop it.
class MigratePg extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = new PrismaPg({
      connectionString: withDatabase(process.env.DATABASE_URL!, database),
      allowExitOnIdle: true,
    });
    const conn = wholeScripts(await shadow.connect());
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
