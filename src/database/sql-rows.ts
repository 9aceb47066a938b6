import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Prisma } from '../generated/prisma/client';

/**
 * Distinct statement texts that get a server-side prepared statement per connection. The public read
 * paths build a few dozen (filters and formats combine); beyond the bound, texts run unnamed.
 */
const MAX_PREPARED_TEXTS = 256;
/** PostgreSQL: "cached plan must not change result type" (a column's type changed under a prepared statement). */
const FEATURE_NOT_SUPPORTED = '0A000';

const statementNames = new Map<string, string | null>();
const unpreparedPools = new WeakSet<Pool>();

/** Turns prepared statements off for `pool` (DATABASE_PREPARED_STATEMENTS=false, e.g. behind a transaction-mode pooler). */
export function disablePreparedStatements(pool: Pool): void {
  unpreparedPools.add(pool);
}

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= MAX_PREPARED_TEXTS) return undefined;
    name = `byline_${createHash('sha1').update(text).digest('hex')}`;
    statementNames.set(text, name);
  }
  return name ?? undefined;
}

/**
 * Runs one parameterised statement straight on the pg pool: `Prisma.sql` builds the text with `$n`
 * placeholders and bound values, and no query planning happens in the client (Prisma 6's wasm query
 * compiler costs more CPU than the statement itself on the public read paths).
 *
 * The statement is prepared once per connection under a name derived from its text: PostgreSQL then
 * skips parsing on every later execution and, once it finds a generic plan as good as the custom ones,
 * planning too (measured: ~2 ms of server CPU for a post by slug, against well under 1 ms to run it).
 */
export async function sqlRows<T>(pool: Pool, sql: Prisma.Sql): Promise<T[]> {
  const values = sql.values as unknown[];
  const name = unpreparedPools.has(pool) ? undefined : statementName(sql.text);
  try {
    return (await pool.query({ name, text: sql.text, values })).rows as T[];
  } catch (error) {
    // A migration changed a selected column's type under the prepared statement: run this text unnamed from now on.
    if (name === undefined || (error as { code?: string }).code !== FEATURE_NOT_SUPPORTED) throw error;
    statementNames.set(sql.text, null);
    return (await pool.query({ text: sql.text, values })).rows as T[];
  }
}
