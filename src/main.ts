import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { config as loadDotEnv } from 'dotenv';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { boundHeapGrowth } from './common/runtime/heap-growth';
import { AppConfig, ConfigValidationError, loadConfig } from './config/app-config';
import { DatabaseAvailability } from './database/database-availability';
import { resolveDatabase, tryDatabase, waitForDatabase } from './database/database-bootstrap';
import { seedIfEmpty } from './modules/seed/seed-on-start';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type Say = (message: string, level?: number) => void;

async function bootstrap() {
  // A ./.env file fills in variables the environment does not set (it never overrides them).
  loadDotEnv({ quiet: true });
  const config = loadConfig();
  boundHeapGrowth(config.heapGrowthPercent);
  const say: Say = (message, level = 30) => process.stdout.write(`${JSON.stringify({ level, time: Date.now(), msg: message })}\n`);
  const database = await resolveDatabase(config, say);
  // Usually the database is there: migrate before serving, as a one-shot start always did. If it is not,
  // serve anyway (live 200, ready and requests 503) and keep trying in the background.
  const reachable = await tryDatabase(config, database.url, (m) => say(m, 40));
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      bufferLogs: true,
      abortOnError: false,
    });
    withOwnSignalHandling(() => configureApp(app!));
    const availability = app.get(DatabaseAvailability);
    if (reachable) await seed(app, config, say);
    else availability.markStarting();
    await app.listen(config.http.port, config.http.host);
    handleShutdownSignals(app, availability, config, say);
  } catch (error) {
    // Never leave the embedded server behind a failed start.
    await (app ? app.close() : database.embedded?.stop());
    throw error;
  }
  say(`Byline listening on http://localhost:${config.http.port} (REST /api, GraphQL /graphql, docs /api/docs)`);
  if (!reachable) await becomeReady(app, config, database.url, say);
}

async function seed(app: NestExpressApplication, config: AppConfig, say: Say): Promise<void> {
  if (!config.seedOnStart) return;
  await seedIfEmpty(app).catch((error: unknown) => say(`seeding example content failed: ${error instanceof Error ? error.message : String(error)}`, 40));
}

/** Waits for the database (migrating it when allowed), seeds when asked, then opens the gate. */
async function becomeReady(app: NestExpressApplication, config: AppConfig, url: string, say: Say): Promise<void> {
  const availability = app.get(DatabaseAvailability);
  const reached = await waitForDatabase(config, url, (m) => say(m, 40), () => availability.phase === 'draining');
  if (!reached) return;
  await seed(app, config, say);
  availability.markReady();
  say('ready: database reachable and migrated');
}

// configureApp turns on Nest's shutdown hooks (for tests and any other host). The server process wants
// more on a signal (drain first, exit 0), so it drops the listeners they add and installs its own.
function withOwnSignalHandling(configure: () => void): void {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  configure();
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
}

/**
 * SIGTERM/SIGINT: readiness 503 at once, stop accepting connections, let in-flight requests finish (up to
 * SHUTDOWN_TIMEOUT_MS), then close the app: workers stop, the pool closes, the embedded server stops. Exit 0.
 */
function handleShutdownSignals(app: NestExpressApplication, availability: DatabaseAvailability, config: AppConfig, say: Say): void {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`${signal}: draining ${availability.inFlightCount} in-flight request(s)`);
    availability.drain();
    // A load balancer stops routing here once it sees readiness 503. Until it has, new connections
    // keep arriving: closing the listener now would reset those still in the kernel's accept queue.
    if (config.shutdown.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdown.delayMs));
    const server = app.getHttpServer() as Server;
    // net.Server's close, not http.Server's: the latter also drops "idle" connections, which includes
    // sockets just accepted whose request is not parsed yet: their clients would see a reset. Open
    // connections end on their own: each response now carries Connection: close, and idle keep-alive
    // ones time out (keepAliveTimeout). Whatever is left at the deadline is closed.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
    const deadline = setTimeout(() => {
      say(`shutdown deadline (${config.shutdown.timeoutMs} ms) reached; closing ${availability.inFlightCount} connection(s)`, 40);
      server.closeAllConnections();
    }, config.shutdown.timeoutMs);
    await closed;
    clearTimeout(deadline);
    try {
      await app.close();
    } catch (error) {
      say(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`, 50);
      process.exit(1);
    }
    say('stopped');
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, (s) => void shutdown(s));
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Byline failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
