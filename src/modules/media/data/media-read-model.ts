import type { Pool } from 'pg';
import { sqlRows } from '../../../database/sql-rows';
import { Prisma } from '../../../generated/prisma/client';
import type { MediaImageRow } from '../domain/image';

/**
 * The media module's read contract for other modules' SQL: `LEFT JOIN media <alias> ON …` and select
 * `mediaImageJson('<alias>')` to get a `MediaImageRow` (or null) in the same statement, then map it
 * with `toImage`. Identifiers are constants of the caller, never input.
 */
export function mediaImageJson(alias: string): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`invalid SQL alias ${alias}`);
  const a = Prisma.raw(alias);
  return Prisma.sql`CASE WHEN ${a}.id IS NULL THEN NULL ELSE json_build_object(
    'id', ${a}.id, 'storageKey', ${a}.storage_key, 'mimeType', ${a}.mime_type,
    'width', ${a}.width, 'height', ${a}.height, 'alt', ${a}.alt, 'caption', ${a}.caption,
    'focalX', ${a}.focal_x, 'focalY', ${a}.focal_y, 'placeholder', ${a}.placeholder,
    'dominantColor', ${a}.dominant_color, 'variants', ${a}.variants) END`;
}

/** Library images by id, for reads that hold ids rather than joining (settings, GraphQL loaders). */
export async function findMediaImageRows(pool: Pool, ids: readonly string[]): Promise<MediaImageRow[]> {
  if (!ids.length) return [];
  const rows = await sqlRows<{ image: MediaImageRow }>(
    pool,
    Prisma.sql`SELECT ${mediaImageJson('m')} AS image FROM media m WHERE m.id = ANY(${[...ids]}::uuid[])`,
  );
  return rows.map((row) => row.image);
}
