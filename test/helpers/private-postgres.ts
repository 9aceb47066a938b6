import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';
import { temporaryDataDir } from '../../src/database/embedded-postgres';
import { postgresBinDir } from '../../src/database/postgres-binaries';

const run = promisify(execFile);
// The embedded server's binaries, from wherever the postgres OS user can run them (as root).
const BIN = postgresBinDir();
const asRoot = userInfo().uid === 0;


/**
 * A PostgreSQL server of our own on a free port (the embedded package's binaries), which the fault
 * tests stop, kill and restart at will: never the shared server the rest of the suite uses.
 */
export { freePort };

export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly remove: () => void,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const { dataDir, remove } = temporaryDataDir(tmpdir());
    mkdirSync(dataDir, { mode: 0o700 });
    if (asRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      chownSync(dataDir, uid, gid);
    }
    const server = new PrivatePostgres(await freePort(), dataDir, remove);
    await server.exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
    const conf = ['listen_addresses = \'127.0.0.1\'', "unix_socket_directories = ''", `port = ${server.port}`, 'fsync = off', 'max_connections = 100'];
    writeFileSync(join(dataDir, 'postgresql.auto.conf'), `${conf.join('\n')}\n`);
    if (asRoot) chownSync(join(dataDir, 'postgresql.auto.conf'), Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
    await server.start();
    return server;
  }

  url(database = 'postgres'): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-l', join(this.dataDir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** `fast`: clean shutdown, sessions terminated (57P01); `immediate`: like a crash, recovery on start. */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async query<T extends object = Record<string, unknown>>(sql: string, database = 'postgres'): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    this.remove();
  }

  private async exec(binary: string, args: string[]): Promise<void> {
    const command = join(BIN, binary);
    if (asRoot) await run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/' });
    else await run(command, args);
  }
}
