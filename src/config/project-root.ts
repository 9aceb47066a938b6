import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The directory holding package.json and prisma/, wherever the code runs from (src/ or dist/). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot locate the project root (no package.json above the code).');
    dir = parent;
  }
  return dir;
}
