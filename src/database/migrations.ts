import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from './project-root';

const run = promisify(execFile);

/** Applies committed migrations with `prisma migrate deploy` (idempotent; ~1 s when up to date). */
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
