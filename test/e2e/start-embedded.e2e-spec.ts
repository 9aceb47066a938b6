import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createConnection } from 'node:net';
import { rootDataDirFor } from '../../src/database/embedded-postgres';
import { freePort } from '../helpers/free-port';

/**
 * The Quick start path, for real: the built app started with no DATABASE_URL brings up its own
 * PostgreSQL, migrates, seeds, serves, stops cleanly on SIGTERM, and keeps its data for the next start.
 * It runs from a "clone" inside a private (0700) directory, as a root user's home or `mktemp -d` is:
 * as root the data must then live where the postgres user can reach it, and no parent may be touched.
 * (Runs the compiled app in a child process: the embedded server's package is ESM and lives outside jest.)
 */
describe('npm start on the embedded database', () => {
  const root = join(__dirname, '..', '..');
  const privateParent = mkdtempSync(join(tmpdir(), 'byline-home-')); // mode 0700, like /root
  const clone = join(privateParent, 'byline');
  const outDir = join(clone, 'dist');
  const asRoot = userInfo().uid === 0;
  const dataDir = asRoot ? rootDataDirFor(clone) : join(clone, '.data', 'postgres');

  beforeAll(() => {
    // What a clone holds at run time: the build, package.json, the migrations and their config, dependencies.
    mkdirSync(clone);
    for (const file of ['package.json', 'prisma.config.ts', 'prisma']) cpSync(join(root, file), join(clone, file), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: root });
  }, 300_000);
  afterAll(() => {
    rmSync(privateParent, { recursive: true, force: true });
    if (asRoot) rmSync(dirname(dataDir), { recursive: true, force: true });
  });

  let lastOutput = '';

  async function start(port: number, pgPort: number): Promise<ChildProcess> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    delete env.EMBEDDED_PG_DATA_DIR;
    const child = spawn(process.execPath, [join(outDir, 'src', 'main.js')], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
      lastOutput = output;
      if (ready) return child;
      await new Promise((r) => setTimeout(r, 250));
    }
    child.kill('SIGKILL');
    throw new Error(`app did not become ready within 120 s:\n${output}`);
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

  /** The reference article's feature image and one of its variants, fetched from the app. */
  async function seededImage(port: number): Promise<{ url: string; variant: string; type: string | null }> {
    const post = (await (await fetch(`http://127.0.0.1:${port}/api/posts/slug/the-case-for-the-long-read`)).json()) as {
      data: { featureImage: { url: string; variants: { url: string; format: string }[] } };
    };
    const variant = post.data.featureImage.variants.find((v) => v.format === 'webp')!.url;
    const res = await fetch(`http://127.0.0.1:${port}${new URL(variant).pathname}`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return { url: post.data.featureImage.url, variant, type: res.headers.get('content-type') };
  }

  it('serves seeded content, stops cleanly and restarts on the same data without duplicates', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = await start(port, pgPort);
    const before = await slugs(port);
    expect(before).toContain('the-case-for-the-long-read');
    // The data lives where the postgres user can reach it, printed at start; the private parent is untouched.
    expect(lastOutput).toContain(`data: ${dataDir}`);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(privateParent).mode & 0o777).toBe(0o700);
    expect(statSync(privateParent).uid).toBe(userInfo().uid);
    expect(statSync(clone).uid).toBe(userInfo().uid);
    // The example images are in the library under the clone's .data/media and served at /media/...
    const image = await seededImage(port);
    expect(image.type).toBe('image/webp');
    expect(existsSync(join(clone, '.data', 'media', new URL(image.variant).pathname.replace(/^\/media\//, '')))).toBe(true);
    const settings = (await (await fetch(`http://127.0.0.1:${port}/api/settings`)).json()) as {
      data: { primaryNavigation: { label: string }[]; secondaryNavigation: { label: string; url: string }[] };
    };
    expect(settings.data.primaryNavigation.map((item) => item.label)).toEqual(expect.arrayContaining(['Home', 'Long-form']));
    expect(settings.data.secondaryNavigation).toContainEqual({ label: 'RSS', url: `http://localhost:${port}/api/feed.xml`, documentId: null });
    // A clean stop drains, closes the pool, stops the embedded server and exits 0.
    expect(await stop(first)).toEqual({ code: 0, signal: null });
    // The embedded server stops with the app.
    expect(await portIsOpen(pgPort)).toBe(false);

    const second = await start(port, pgPort);
    expect(await slugs(port)).toEqual(before);
    // Not seeded again: the same library image.
    expect((await seededImage(port)).url).toBe(image.url);
    await stop(second);
  }, 300_000);
});
