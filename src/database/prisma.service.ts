import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, PoolClient } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { DATABASE_URL } from './database.tokens';
import { disablePreparedStatements } from './sql-rows';
import { APP_CONFIG, AppConfig } from '../config/app-config';

type Query = (...args: unknown[]) => unknown;
interface AdapterTransaction {
  client: PoolClient;
  cleanup?: () => void;
  executeRaw(query: { sql: string }): Promise<number>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
type StartTransaction = (isolationLevel?: unknown) => Promise<AdapterTransaction>;

/**
 * adapter-pg returns a transaction's connection to the pool only in commit()/rollback(), which Prisma
 * calls after a successful COMMIT/ROLLBACK statement. When the connection died (restart, terminated
 * backend), that statement fails, the connection is never released, and after `poolSize` such failures
 * every request waits for a free connection forever. Release (and discard) it when COMMIT/ROLLBACK fails.
 */
function releaseOnFailedEnd(tx: AdapterTransaction): AdapterTransaction {
  let ended = false;
  const end = (error?: Error) => {
    if (ended) return;
    ended = true;
    tx.cleanup?.();
    tx.client.release(error ?? true);
  };
  const executeRaw = tx.executeRaw.bind(tx);
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (/^\s*(COMMIT|ROLLBACK)\s*$/i.test(query.sql)) end(error as Error);
      throw error;
    }
  };
  tx.commit = async () => {
    if (ended) return;
    ended = true;
    await commit();
  };
  tx.rollback = async () => {
    if (ended) return;
    ended = true;
    await rollback();
  };
  return tx;
}

/**
 * adapter-pg, with every interactive transaction (the write paths) given its own, longer statement
 * timeout: `SET LOCAL` lasts until the transaction ends, so the pooled connection returns to the
 * short default that bounds public reads.
 */
class TimedPrismaPg extends PrismaPg {
  constructor(
    pool: Pool,
    private readonly writeStatementMs: number,
    private readonly uncounted: (client: PoolClient) => Query,
  ) {
    super(pool);
  }

  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    const start = (adapter.startTransaction as unknown as StartTransaction).bind(adapter);
    (adapter as unknown as { startTransaction: StartTransaction }).startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      try {
        await this.uncounted(tx.client)('SELECT set_config($1, $2, true)', ['statement_timeout', String(this.writeStatementMs)]);
      } catch (error) {
        tx.client.release(error as Error);
        throw error;
      }
      return releaseOnFailedEnd(tx);
    };
    return adapter;
  }
}

/** The application's one Prisma client, on a pg.Pool we own (see the error handler below), and the public read pool. */
@Injectable()
export class PrismaService extends PrismaClient {
  private readonly logger = new Logger(PrismaService.name);
  /** Prisma's pool: writes and the editor API. */
  readonly pool: Pool;
  /**
   * The public read model's pool: the same database, its statements prepared once per connection and
   * planned once (`plan_cache_mode = force_generic_plan`), never in parallel. Their plans do not depend on
   * the values bound (ids, slugs, page bounds; label slugs resolve inside the statement), and planning them
   * cost more server CPU than running them. With DATABASE_PREPARED_STATEMENTS=false it is `pool`,
   * statements unnamed.
   */
  readonly readPool: Pool;
  /**
   * Search's pool: at most half as many connections (a burst of searches cannot take every connection from
   * the other reads), each planning every search for its own words (`force_custom_plan`: a rare word
   * through the GIN index, a common one by walking the newest posts) without sequential scans (a
   * sequential scan reads every post's TOASTed search vector, which the planner does not count: at 1,000
   * posts the GIN index was 1.5× faster than the scan it preferred). With DATABASE_PREPARED_STATEMENTS=false
   * it is `pool` (statements unnamed, hence planned each time, scans allowed).
   */
  readonly searchPool: Pool;
  private statements = 0;
  private closing = false;

  constructor(@Inject(DATABASE_URL) url: string, @Inject(APP_CONFIG) config: AppConfig) {
    const { timeouts } = config.database;
    const poolOptions = {
      connectionString: url,
      max: config.database.poolSize,
      // Warm connections outlive a pause between bursts (see AppConfig.database.poolIdleMs).
      idleTimeoutMillis: config.database.poolIdleMs,
      // Bounded waiting: for a free connection or a new one (queued requests fail instead of piling up),
      // per statement (server-side, so a held lock cannot stall a request), and for idle transactions.
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    };
    const pool = new Pool(poolOptions);
    const originals = new WeakMap<PoolClient, Query>();
    super({ adapter: new TimedPrismaPg(pool, timeouts.writeStatementMs, (client) => originals.get(client) ?? (client.query.bind(client) as Query)) });
    this.pool = pool;
    if (config.database.preparedStatements) {
      // No parallel workers for these short statements: a Gather over a walk of a few hundred index
      // entries cost more to start (~7 ms for a tag page at 100,000 posts) than the walk itself.
      const serial = '-c max_parallel_workers_per_gather=0';
      this.readPool = new Pool({ ...poolOptions, options: `-c plan_cache_mode=force_generic_plan ${serial}` });
      this.searchPool = new Pool({
        ...poolOptions,
        max: Math.max(1, Math.ceil(poolOptions.max / 2)),
        options: `-c plan_cache_mode=force_custom_plan -c enable_seqscan=off ${serial}`,
      });
    } else {
      this.readPool = pool;
      this.searchPool = pool;
      disablePreparedStatements(pool);
    }
    for (const each of this.pools) this.watch(each, originals);
  }

  /** Connection errors are logged, never fatal; every statement is counted. */
  private watch(pool: Pool, originals: WeakMap<PoolClient, Query>): void {
    // prisma/orm#27641: without a listener, an idle connection dropped by the server
    // (restart, failover) emits an unhandled 'error' that crashes the process.
    // Once closing, pool.end() has asked every connection to terminate but does not wait for the
    // sockets; the server stopping right after may still reach one of them. That is expected then.
    pool.on('error', (error: Error & { code?: string }) => {
      if (this.closing) return;
      // Only message and code: the error also carries the whole pg client (connection settings).
      this.logger.warn({ err: { message: error.message, code: error.code } }, 'idle database connection lost');
    });
    // Every statement (pool.query and transactions alike) runs through a pooled client's query().
    pool.on('connect', (client: PoolClient) => {
      // The pool only listens for errors on idle clients. A checked-out client whose server goes away
      // between statements (an interactive transaction, a restart with -m fast) would otherwise emit an
      // unhandled 'error' and end the process; its caller learns of the failure from its next query.
      client.on('error', (error: Error & { code?: string }) => {
        if (!this.closing) this.logger.warn({ err: { message: error.message, code: error.code } }, 'database connection lost while in use');
      });
      const query = client.query.bind(client) as Query;
      originals.set(client, query);
      (client as unknown as { query: Query }).query = (...args: unknown[]) => {
        this.statements += 1;
        return query(...args);
      };
    });
  }

  /** Every distinct pool (the read and search pools are Prisma's when prepared statements are off). */
  private get pools(): Set<Pool> {
    return new Set([this.pool, this.readPool, this.searchPool]);
  }

  /** SQL statements sent since start (all connections); for the no-N+1 tests and diagnostics. */
  get statementCount(): number {
    return this.statements;
  }

  /** Runs `fn` and reports how many SQL statements were sent meanwhile (by anyone: use on a quiet app). */
  async countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.statements;
    const result = await fn();
    return { result, statements: this.statements - before };
  }

  /** Called by the database module's shutdown hook, before the embedded server stops. */
  async close(): Promise<void> {
    this.closing = true;
    await this.$disconnect();
    await Promise.all([...this.pools].map((each) => each.end().catch(() => undefined)));
  }
}
