// `npm start` runs this first: rebuild dist/ only when a build input changed since the last build.
// The fingerprint covers every file under src/ (path, size, mtime) and the build configuration, so an
// edit, a new or deleted file, a `git checkout` or a fresh `prisma generate` all trigger a rebuild.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-fingerprint');
const entry = join(root, 'dist', 'src', 'main.js');
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function fingerprint() {
  const files = [...walk(join(root, 'src')), ...CONFIG_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))];
  const lines = files.map((file) => {
    const { size, mtimeMs } = statSync(file);
    return `${relative(root, file)}\t${size}\t${mtimeMs}`;
  });
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

const current = fingerprint();
const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (previous === current && existsSync(entry)) {
  process.stdout.write('dist/ is up to date; not rebuilding\n');
  process.exit(0);
}
const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
const build = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The fingerprint taken before building: a file changed during the build triggers the next rebuild.
writeFileSync(stamp, `${current}\n`);
