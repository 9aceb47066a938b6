import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { config as loadDotEnv } from 'dotenv';
import { ConfigValidationError, loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/database-bootstrap';
import { CliModule } from './cli.module';

/** Runs one command-line task against the configured (or embedded) database, then shuts down. */
export async function runCli(task: (app: INestApplicationContext) => Promise<string>): Promise<void> {
  try {
    loadDotEnv({ quiet: true }); // as npm start does: ./.env fills in what the environment leaves unset
    const config = loadConfig();
    const database = await prepareDatabase(config, (m) => process.stderr.write(`${m}\n`));
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, database), { logger: ['error', 'warn'] });
    try {
      process.stdout.write(`${await task(app)}\n`);
    } finally {
      await app.close();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigValidationError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
