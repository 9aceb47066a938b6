import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MigrationComparison, migrationStatusAt } from './migration-status';
import { projectRoot } from '../config/project-root';

const run = promisify(execFile);

/** Applies committed migrations with `prisma migrate deploy` (its wasm engine takes 1.5–14 s even when idle). */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const root = projectRoot();
  const cli = require.resolve('prisma/build/index.js', { paths: [root] });
  try {
    await run(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      timeout: 120_000,
    });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`Applying migrations failed:\n${output.stderr ?? ''}${output.stdout ?? ''}`.trim());
  }
}

/**
 * Runs `prisma migrate deploy` only when the database lacks a committed migration (compared with
 * `_prisma_migrations` by name and checksum), so a restart on an up-to-date database starts no schema
 * engine. Returns what was found before applying (`modified`: worth a warning, deploy ignores them).
 */
export async function migrateIfPending(databaseUrl: string): Promise<MigrationComparison> {
  const status = await migrationStatusAt(databaseUrl);
  if (status.pending.length > 0) await applyMigrations(databaseUrl);
  return status;
}
