import type { Pool } from 'pg';
import type { Prisma } from '../generated/prisma/client';

/**
 * Runs one parameterised statement straight on the pg pool: `Prisma.sql` builds the text with `$n`
 * placeholders and bound values, and no query planning happens in the client (Prisma 6's wasm query
 * compiler costs more CPU than the statement itself on the public read paths).
 */
export async function sqlRows<T>(pool: Pool, sql: Prisma.Sql): Promise<T[]> {
  const result = await pool.query({ text: sql.text, values: sql.values as unknown[] });
  return result.rows as T[];
}
