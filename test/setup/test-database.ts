import { Client } from 'pg';

/** Env var the global setup fills for every worker: the server URL (any database name). */
export const TEST_SERVER_URL_ENV = 'BYLINE_TEST_SERVER_URL';
/** Database with all migrations applied, cloned by each test file. */
export const TEST_TEMPLATE_ENV = 'BYLINE_TEST_TEMPLATE_DB';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
