import { AppConfig } from '../config/app-config';
import { RunningDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';

export interface ResolvedDatabase {
  url: string;
  /** Set when Byline started its own server; stopped on shutdown. */
  embedded: RunningDatabase | null;
}

/** DATABASE_URL when set, else the embedded server; then migrations unless disabled. */
export async function prepareDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  let embedded: RunningDatabase | null = null;
  let url = config.database.url;
  if (!url) {
    log(`starting embedded PostgreSQL (data: ${config.database.embedded.dataDir}, port ${config.database.embedded.port})`);
    embedded = await startEmbeddedPostgres({ ...config.database.embedded, database: 'byline' });
    url = embedded.url;
  }
  if (config.database.migrateOnStart) {
    log('applying migrations');
    await applyMigrations(url);
  }
  return { url, embedded };
}
