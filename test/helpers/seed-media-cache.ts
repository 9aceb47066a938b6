import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../src/config/app-config';
import type { PrismaService } from '../../src/database/prisma.service';
import type { Prisma } from '../../src/generated/prisma/client';
import { TEST_TEMPLATE_ENV } from '../setup/test-database';

/**
 * The seed uploads its example images through the media library, and encoding their variants (AVIF
 * above all) takes seconds on a busy machine. A test run does that once: the first seeded app stores the
 * library rows and files here, later ones copy them into their own MEDIA_DIR and database before seeding,
 * and the seed reuses them (it finds its images by their sha256). One cache per run and variant widths.
 */
export function seedMediaCacheRoot(template = process.env[TEST_TEMPLATE_ENV]): string {
  return join(tmpdir(), `${template}-seed-media`);
}

function cacheDir(config: AppConfig): string {
  return join(seedMediaCacheRoot(), `w${config.media.widths.join('-')}`);
}

/** Copies the cached example images into a fresh app's storage and database; false when there is no cache yet. */
export async function restoreSeedMedia(config: AppConfig, prisma: PrismaService): Promise<boolean> {
  if (config.media.storage !== 'local') return false;
  const dir = cacheDir(config);
  let rows: unknown;
  try {
    rows = JSON.parse(await readFile(join(dir, 'rows.json'), 'utf8'));
  } catch {
    return false;
  }
  await cp(join(dir, 'files'), config.media.dir, { recursive: true });
  await prisma.media.createMany({ data: rows as Prisma.MediaCreateManyInput[] });
  return true;
}

/** Stores a freshly seeded app's library (only the example images) for the rest of the run. */
export async function saveSeedMedia(config: AppConfig, prisma: PrismaService): Promise<void> {
  if (config.media.storage !== 'local') return;
  const dir = cacheDir(config);
  const staging = `${dir}.${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  await cp(config.media.dir, join(staging, 'files'), { recursive: true });
  await writeFile(join(staging, 'rows.json'), JSON.stringify(await prisma.media.findMany()));
  // Another worker may have stored the same images first; either copy is as good.
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
}
