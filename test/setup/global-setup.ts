import { tmpdir } from 'node:os';
import { freePort } from '../helpers/free-port';
import { startEmbeddedPostgres, RunningDatabase, temporaryDataDir } from '../../src/database/embedded-postgres';
import { applyMigrations } from '../../src/database/migrations';
import { adminQuery, TEST_SERVER_URL_ENV, TEST_TEMPLATE_ENV, withDatabase } from './test-database';

declare global {
  var __BYLINE_EMBEDDED__: RunningDatabase | undefined;
}

/**
 * Tests run against a real PostgreSQL: DATABASE_URL's server when set (a test database is created
 * there), else a throwaway embedded server. Migrations are applied once to a template database.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // As root the server runs as the postgres user: temporaryDataDir puts the data where it can reach it.
    const { dataDir, remove } = temporaryDataDir(tmpdir());
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    globalThis.__BYLINE_EMBEDDED__ = {
      url: embedded.url,
      stop: async () => {
        await embedded.stop();
        remove();
      },
    };
    serverUrl = embedded.url;
  }
  const template = `byline_test_template_${process.pid}`;
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${template}"`);
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  await applyMigrations(withDatabase(serverUrl, template));
  process.env[TEST_SERVER_URL_ENV] = serverUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
}
