import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, createServer } from 'node:net';

/**
 * The Quick start path, for real: the built app started with no DATABASE_URL brings up its own
 * PostgreSQL, migrates, seeds, serves, stops cleanly on SIGTERM, and keeps its data for the next start.
 * (Runs the compiled app in a child process: the embedded server's package is ESM and lives outside jest.)
 */
describe('npm start on the embedded database', () => {
  const root = join(__dirname, '..', '..');
  // A fresh clone has no .data/ yet (it is git-ignored).
  mkdirSync(join(root, '.data'), { recursive: true });
  const work = mkdtempSync(join(root, '.data', 'smoke-'));
  const outDir = join(work, 'build');

  function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  }

  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  async function start(port: number, pgPort: number): Promise<ChildProcess> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DATA_DIR: join(work, 'pg'), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    const child = spawn(process.execPath, [join(outDir, 'src', 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      if (ready) return child;
      await new Promise((r) => setTimeout(r, 250));
    }
    child.kill('SIGKILL');
    throw new Error(`app did not become ready within 60 s:\n${output}`);
  }

  async function stop(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    return exited;
  }

  function portIsOpen(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  }

  async function slugs(port: number): Promise<string[]> {
    const res = await fetch(`http://127.0.0.1:${port}/api/posts?limit=100`);
    const body = (await res.json()) as { data: { slug: string }[] };
    return body.data.map((p) => p.slug).sort();
  }

  it('serves seeded content, stops cleanly and restarts on the same data without duplicates', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = await start(port, pgPort);
    const before = await slugs(port);
    expect(before).toContain('the-case-for-the-long-read');
    // Nest closes the app, then re-raises the signal: a clean stop ends by SIGTERM, not a crash code.
    expect(await stop(first)).toEqual({ code: null, signal: 'SIGTERM' });
    // The embedded server stops with the app.
    expect(await portIsOpen(pgPort)).toBe(false);

    const second = await start(port, pgPort);
    expect(await slugs(port)).toEqual(before);
    await stop(second);
  }, 180_000);
});
