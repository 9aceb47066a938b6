import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { assertSafeKey, MediaStorage } from './media-storage';

/** Files on local disk under one directory; the API serves them at /media (see media-files.ts). */
export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  async put(key: string, body: Buffer): Promise<void> {
    assertSafeKey(key);
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a concurrent reader sees the whole file or none (dotfiles are never served).
    const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(temporary, body);
    await rename(temporary, path);
  }

  async remove(keys: readonly string[]): Promise<void> {
    const folders = new Set<string>();
    for (const key of keys) {
      assertSafeKey(key);
      await rm(join(this.root, key), { force: true });
      folders.add(dirname(join(this.root, key)));
    }
    // The item's own folder goes once empty; month folders stay (other items share them).
    for (const folder of folders) await rmdir(folder).catch(() => undefined);
  }
}
