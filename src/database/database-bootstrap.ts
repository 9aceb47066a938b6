import { AppConfig } from '../config/app-config';
import { describeCause } from '../common/errors/error-normalizer';
import { databaseUnavailableCause } from '../common/errors/database-unavailable';
import { RunningDatabase, resolveEmbeddedDataDir, startEmbeddedPostgres } from './embedded-postgres';
import { migrateIfPending } from './migrations';
import { migrationStatusAt } from './migration-status';

export interface ResolvedDatabase {
  url: string;
  /** Set when Byline started its own server; stopped on shutdown. */
  embedded: RunningDatabase | null;
}

/** DATABASE_URL when set, else the embedded server (started here). */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.database.url) return { url: config.database.url, embedded: null };
  const dataDir = resolveEmbeddedDataDir(config.database.embedded);
  log(`starting embedded PostgreSQL (data: ${dataDir}, port ${config.database.embedded.port})`);
  const embedded = await startEmbeddedPostgres({ ...config.database.embedded, dataDir, database: 'byline' });
  return { url: embedded.url, embedded };
}

/** For one-shot commands: the database, migrated unless disabled; fails at once when unreachable. */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  const database = await resolveDatabase(config, log);
  if (config.database.migrateOnStart) await migrate(database.url, log);
  return database;
}

async function migrate(url: string, log: (message: string) => void): Promise<void> {
  const status = await migrateIfPending(url);
  if (status.pending.length > 0) log(`applied ${status.pending.length} migration(s): ${status.pending.join(', ')}`);
  if (status.modified.length > 0) log(`warning: migration(s) changed after they were applied: ${status.modified.join(', ')}`);
}

/** One attempt: reach the database and migrate it when MIGRATE_ON_START allows. False (logged) when it failed. */
export async function tryDatabase(config: AppConfig, url: string, log: (message: string) => void): Promise<boolean> {
  try {
    if (config.database.migrateOnStart) await migrate(url, log);
    else await migrationStatusAt(url, config.database.timeouts.connectMs);
    return true;
  } catch (error) {
    const unavailable = databaseUnavailableCause(error);
    log(`database not ready: ${unavailable ? describeCause(unavailable) : error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * For the server: waits for the database with capped exponential backoff (it may be down at boot, or
 * still starting), migrating when allowed. False only when `stopped()` turned true first.
 */
export async function waitForDatabase(
  config: AppConfig,
  url: string,
  log: (message: string) => void,
  stopped: () => boolean,
  maxDelayMs = 5000,
): Promise<boolean> {
  let delay = 200;
  for (let attempt = 1; !stopped(); attempt++) {
    if (await tryDatabase(config, url, log)) {
      log(`database reachable after ${attempt} attempt(s)`);
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, maxDelayMs);
  }
  return false;
}
