import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { buildOpenApiDocument } from '../../src/common/openapi/openapi.setup';
import { loadConfig } from '../../src/config/app-config';
import { PrismaService } from '../../src/database/prisma.service';
import { SeedService } from '../../src/modules/seed/seed.service';
import { adminQuery, TEST_SERVER_URL_ENV, TEST_TEMPLATE_ENV, withDatabase } from '../setup/test-database';
import { ResponseSchemaCheck, watchResponses } from './response-schema-check';
import { restoreSeedMedia, saveSeedMedia } from './seed-media-cache';

export interface TestApp {
  app: INestApplication;
  /** The Node HTTP server, for supertest. */
  http: Parameters<typeof import('supertest')>[0];
  prisma: PrismaService;
  databaseUrl: string;
  close(): Promise<void>;
}

// Every answer of every test app is checked against the OpenAPI document, so the document cannot drift
// from what the API does. A mismatch fails the test that caused it (or the file, when its app closes).
let responseCheck: ResponseSchemaCheck | undefined;
const mismatches: string[] = [];

function takeMismatches(): Error | undefined {
  if (mismatches.length === 0) return undefined;
  const error = new Error(`Responses that do not match the OpenAPI document:\n${mismatches.join('\n')}`);
  mismatches.length = 0;
  return error;
}

afterEach(() => {
  const error = takeMismatches();
  if (error) throw error;
});

function checkResponsesOf(app: INestApplication): void {
  responseCheck ??= new ResponseSchemaCheck(JSON.parse(JSON.stringify(buildOpenApiDocument(app))));
  const check = responseCheck;
  watchResponses(app.getHttpServer(), (req, res, body) => {
    const problem = check.check(req.method ?? 'GET', req.url ?? '/', res.statusCode, res.getHeader('content-type')?.toString(), body);
    if (problem) mismatches.push(problem);
  });
}

/** A fresh database cloned from the migrated template, so each test file starts clean and isolated. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env[TEST_SERVER_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (!serverUrl || !template) throw new Error('global test setup did not run');
  const name = `byline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    /** Reuse this existing database (e.g. a second instance on another app's database); it is not dropped on close. */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  // Uploaded files (the seed's example images too) go to a throwaway directory, never the project's .data/media.
  const mediaDir = options.env?.MEDIA_DIR ? null : await mkdtemp(join(tmpdir(), 'byline-test-media-'));
  // Webhook tests deliver to receivers on 127.0.0.1, which production refuses by default.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...(mediaDir ? { MEDIA_DIR: mediaDir } : {}),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { url: database.url, embedded: null })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  checkResponsesOf(app);
  if (options.seed) {
    // The example images are processed once per run (seconds of AVIF encoding), then copied (see seed-media-cache).
    const fresh = !options.databaseUrl;
    const restored = fresh && (await restoreSeedMedia(config, app.get(PrismaService)));
    await app.get(SeedService).seedIfEmpty();
    if (fresh && !restored) await saveSeedMedia(config, app.get(PrismaService));
    // The seed leaves its related lists to the background refresh; tests get them at once instead (one
    // bulk statement, as the seed used to do), so every seeded test starts from complete lists.
    const prisma = app.get(PrismaService);
    // The app's own background refresh may be working the seed's queue at the same moment; PostgreSQL
    // then aborts one side for a deadlock (40P01), and running the bulk statement again is the remedy.
    for (let attempt = 1; ; attempt++) {
      try {
        await prisma.$transaction([
          prisma.$executeRaw`SELECT refresh_all_related_posts()`,
          prisma.$executeRaw`DELETE FROM related_refresh_queue`,
        ]);
        break;
      } catch (error) {
        if (attempt >= 3 || !String((error as Error)?.message).includes('40P01')) throw error;
      }
    }
  }
  return {
    app,
    http: app.getHttpServer(),
    prisma: app.get(PrismaService),
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
      if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
      const error = takeMismatches();
      if (error) throw error;
    },
  };
}
