import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../..');
// Generating, compiling and running take tens of seconds on a busy machine: a generous deadline, not a sleep.
const DEADLINE_MS = 15 * 60_000;
const node = (script: string, args: string[], cwd = ROOT) => run(process.execPath, [script, ...args], { cwd, maxBuffer: 32 * 1024 * 1024 });

/**
 * A frontend's view of the REST API: a client generated from the served document with openapi-typescript,
 * a strict TypeScript script that uses it through openapi-fetch, compiled and run against a listening app.
 */
describe('a typed client generated from /api/openapi.json', () => {
  let t: TestApp;
  let dir: string;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'byline-client-'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');

    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const admin = (method: 'post' | 'get', path: string, body?: object) => request(t.http)[method](path).set(bearer(token)).send(body);
    await admin('post', '/api/admin/authors', { name: 'Ada Typed', slug: 'ada-typed', bio: 'Writes clients.' }).expect(201);
    await admin('post', '/api/admin/tags', { name: 'Typed Clients', slug: 'typed-clients', description: 'Generated, compiled, checked.' }).expect(201);
    for (const [title, tags] of [
      ['Generated clients compile', ['typed-clients']],
      ['Clients that read every field', ['typed-clients', 'reading']],
      ['A draft nobody sees', ['typed-clients']],
    ] as const) {
      const created = await admin('post', '/api/admin/posts', {
        title,
        markdown: `## ${title}\n\nOpenAPI documents turned into compilers of confidence: a zephyrine paragraph.`,
        tags,
        authors: ['ada-typed'],
        featureImage: { url: 'https://images.example/cover.jpg', alt: 'A cover' },
      }).expect(201);
      if (title.startsWith('A draft')) continue;
      await admin('post', `/api/admin/posts/${created.body.data.id}/publish`, {}).expect(200);
    }
    const page = await admin('post', '/api/admin/pages', { title: 'Typed imprint', slug: 'typed-imprint', markdown: 'Who makes the typed clients.' }).expect(201);
    await admin('post', `/api/admin/pages/${page.body.data.id}/publish`, {}).expect(200);
  }, DEADLINE_MS);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('generates, compiles under strict TypeScript, and reads every public operation from the live app', async () => {
    const doc = await fetch(`${baseUrl}/api/openapi.json`).then((r) => r.text());
    writeFileSync(join(dir, 'openapi.json'), doc);
    // The script must call every public operation, including ones added after it was written.
    const publicOps = Object.entries<Record<string, { security?: unknown[] }>>(JSON.parse(doc).paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security?.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const script = readFileSync(join(__dirname, 'client/public-client.mts'), 'utf8');
    const called = [...script.matchAll(/api\.(GET|POST|PUT|PATCH|DELETE)\('([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(publicOps.length).toBeGreaterThan(10);
    expect([...new Set(called)].sort()).toEqual(publicOps.sort());

    await node(join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), [join(dir, 'openapi.json'), '--output', join(dir, 'api.d.ts')]);
    copyFileSync(join(__dirname, 'client/public-client.mts'), join(dir, 'public-client.mts'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          target: 'ES2023',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          // The generated api.d.ts is still checked where the script uses it.
          skipLibCheck: true,
          types: ['node'],
          outDir: 'out',
        },
        files: ['public-client.mts', 'api.d.ts'],
      }),
    );
    const tsc = await node(join(ROOT, 'node_modules/typescript/bin/tsc'), ['-p', dir]).catch((e: { stdout: string }) => e);
    expect(tsc.stdout).toBe('');

    const { stdout } = await node(join(dir, 'out/public-client.mjs'), [baseUrl, 'generated-clients-compile', 'typed-clients', 'ada-typed', 'zephyrine', 'typed-imprint'], dir);
    const out = JSON.parse(stdout);

    expect(out.listTitles.sort()).toEqual(['Clients that read every field', 'Generated clients compile']);
    expect(out.listTotal).toBe(2);
    expect(out.firstListTag).toBe('Typed Clients');
    expect(out.cursorHasMore).toBe(true);
    expect(out.post).toEqual({
      title: 'Generated clients compile',
      url: expect.stringMatching(/generated-clients-compile/),
      html: expect.stringContaining('zephyrine'),
      minutes: 1,
      tagPostCount: 2,
      primaryAuthor: 'Ada Typed',
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      featureImage: 'https://images.example/cover.jpg',
    });
    expect(out.byIdPlaintext).toContain('zephyrine');
    expect(out.relatedTotal).toBe(1);
    expect(out.relatedTitles).toEqual(['Clients that read every field (typed-clients)']);
    expect(out.tagNames.sort()).toEqual(['Typed Clients:2', 'reading:1']);
    expect(out.tagPages).toBe(1);
    expect(out.tag).toEqual({ name: 'Typed Clients', postCount: 2, description: 'Generated, compiled, checked.', sameById: true });
    expect(out.authorNames).toEqual(['Ada Typed']);
    expect(out.author).toEqual({ name: 'Ada Typed', postCount: 2, bio: 'Writes clients.', sameById: true });
    expect(out.search.total).toBe(2);
    expect(out.search.hasMore).toBe(false);
    expect(out.search.hits).toHaveLength(2);
    for (const hit of out.search.hits) expect(hit).toMatchObject({ type: 'post', rank: true, snippet: true, tags: expect.arrayContaining(['typed-clients']) });
    expect(out.page).toEqual({ title: 'Typed imprint', url: expect.stringMatching(/typed-imprint/), html: expect.stringContaining('typed clients'), listTotal: 1, sameById: true });
    expect(out.rssHasItem).toBe(true);
    expect(out.jsonFeedKeys).toEqual(expect.arrayContaining(['items', 'title', 'version']));
    expect(out.sitemapHasUrl).toBe(true);
    expect(out.live).toBe('ok');
    expect(out.ready).toBe('ok');
    expect(out.settings).toEqual({ title: expect.any(String), siteUrl: expect.stringMatching(/^http/), menu: [], logo: null });
    expect(out.notFound).toEqual({ status: 404, code: 'NOT_FOUND', title: 'Not found' });
  }, DEADLINE_MS);
});
