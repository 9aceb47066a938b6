import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';

export const ROOT = join(__dirname, '..', '..', '..');

/** Builds dist/ unless it is current (the same check `npm start` runs), so repeated runs cost nothing. */
export function buildOnce(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 });
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request on a fresh connection (no keep-alive), so that a connection refused after shutdown
 * is told apart from one reset under a request. Rejects with the socket error code.
 */
export function http(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { connection: 'close', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The built app (node dist/src/main.js) as a child process, as `npm start` runs it. */
export class AppProcess {
  output = '';
  private readonly exited: Promise<{ code: number | null; signal: string | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout!.on('data', (c: Buffer) => (this.output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (this.output += c.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(port: number, env: Record<string, string>): AppProcess {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env };
    // Jest's own variables must not leak into the app (it would think it is under test).
    delete childEnv.JEST_WORKER_ID;
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    return new AppProcess(child, port);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once `check` passes (polled), failing with the app's output after `timeoutMs`. */
  async waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (!this.alive) throw new Error(`app exited while waiting for ${what}:\n${this.output}`);
      if (await check().catch(() => false)) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`app not ${what} within ${timeoutMs} ms:\n${this.output.slice(-4000)}`);
  }

  waitReady(timeoutMs = 90_000): Promise<number> {
    return this.waitFor('ready', async () => (await http(this.port, 'GET', '/health/ready', { timeoutMs: 5000 })).status === 200, timeoutMs);
  }

  /** Sends `signal` and resolves with how the process ended. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: string | null }> {
    if (this.alive) this.child.kill(signal);
    return this.exited;
  }

  ended(): Promise<{ code: number | null; signal: string | null }> {
    return this.exited;
  }

  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }
}
