import { rm } from 'node:fs/promises';
import { seedMediaCacheRoot } from '../helpers/seed-media-cache';
import { adminQuery, TEST_SERVER_URL_ENV, TEST_TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (template) await rm(seedMediaCacheRoot(template), { recursive: true, force: true });
  if (serverUrl && template) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${template}"`).catch(() => undefined);
  await globalThis.__BYLINE_EMBEDDED__?.stop();
}
