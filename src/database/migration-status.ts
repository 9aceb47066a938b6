import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { PrismaService } from './prisma.service';
import { projectRoot } from '../config/project-root';

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

interface CommittedMigration {
  name: string;
  /** sha256 of migration.sql as Prisma records it, also with CRLF line ends normalised (a Windows checkout). */
  checksums: Set<string>;
}

let committedCache: CommittedMigration[] | undefined;

/** The committed migrations (read once: they do not change under a running process). */
export function committedMigrations(): CommittedMigration[] {
  committedCache ??= readdirSync(join(projectRoot(), 'prisma', 'migrations'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(projectRoot(), 'prisma', 'migrations', name, 'migration.sql'));
      const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
      return { name, checksums: new Set([sha(sql), sha(sql.toString('utf8').replace(/\r\n/g, '\n'))]) };
    });
  return committedCache;
}

export interface MigrationComparison {
  /** Committed but not recorded as finished (and not rolled back): what `prisma migrate deploy` would apply. */
  pending: string[];
  /** Applied, but migration.sql has changed since (its checksum differs); deploy would not re-apply these. */
  modified: string[];
}

/** Compares the committed folder with `_prisma_migrations` rows, without starting Prisma's schema engine. */
export function compareMigrations(applied: AppliedMigration[]): MigrationComparison {
  const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const committed = committedMigrations();
  return {
    pending: committed.filter((m) => !done.has(m.name)).map((m) => m.name),
    modified: committed.filter((m) => done.has(m.name) && !m.checksums.has(done.get(m.name)!)).map((m) => m.name),
  };
}

/** Committed migrations that are not applied (or failed) in the connected database. */
export async function pendingMigrations(prisma: PrismaService): Promise<string[]> {
  const applied = await prisma.$queryRaw<AppliedMigration[]>`
    SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return compareMigrations(applied).pending;
}

/** The comparison on a short-lived connection (before the app's pool exists). All pending on an empty database. */
export async function migrationStatusAt(databaseUrl: string, connectTimeoutMs = 5000): Promise<MigrationComparison> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`);
    if (!table.rows[0]?.exists) return { pending: committedMigrations().map((m) => m.name), modified: [] };
    const applied = await client.query<AppliedMigration>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return compareMigrations(applied.rows);
  } finally {
    await client.end().catch(() => undefined);
  }
}
