import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Layer rules from docs/conventions, checked on the import statements of every source file. */
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  imports: [...readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]),
}));

function violations(applies: (path: string) => boolean, forbidden: (specifier: string) => boolean): string[] {
  return files
    .filter((f) => applies(f.path))
    .flatMap((f) => f.imports.filter(forbidden).map((spec) => `${f.path} imports ${spec}`));
}

describe('architecture', () => {
  it('keeps Prisma inside repositories and src/database', () => {
    expect(
      violations(
        (p) => !p.startsWith('database/') && !p.endsWith('.repository.ts'),
        (s) => s.includes('generated/prisma') || s.startsWith('@prisma/'),
      ),
    ).toEqual([]);
  });

  it('never lets controllers, resolvers or loaders reach a repository or PrismaService', () => {
    expect(
      violations(
        (p) => /\.(controller|resolver|loaders)\.ts$/.test(p),
        (s) => s.endsWith('.repository') || s.endsWith('prisma.service'),
      ),
    ).toEqual([]);
  });

  it('keeps common/ and config/ independent of features and the database', () => {
    expect(violations((p) => p.startsWith('common/'), (s) => /\/(modules|database)\//.test(s))).toEqual([]);
    expect(violations((p) => p.startsWith('config/'), (s) => s.startsWith('.') && !s.startsWith('./'))).toEqual([]);
  });

  it('never imports test code from src', () => {
    expect(violations(() => true, (s) => s.includes('/test/'))).toEqual([]);
  });
});
