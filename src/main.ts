import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { config as loadDotEnv } from 'dotenv';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/database-bootstrap';
import { seedIfEmpty } from './modules/seed/seed-on-start';

async function bootstrap() {
  // A ./.env file fills in variables the environment does not set (it never overrides them).
  loadDotEnv({ quiet: true });
  const config = loadConfig();
  const say = (message: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: message })}\n`);
  const database = await prepareDatabase(config, say);
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      bufferLogs: true,
      abortOnError: false,
    });
    configureApp(app);
    if (config.seedOnStart) await seedIfEmpty(app);
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    // Never leave the embedded server behind a failed start.
    await (app ? app.close() : database.embedded?.stop());
    throw error;
  }
  say(`Byline listening on http://localhost:${config.http.port} (REST /api, GraphQL /graphql, docs /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Byline failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
