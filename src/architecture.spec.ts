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
  it("keeps Prisma inside repositories, modules' data/ folders and src/database", () => {
    expect(
      violations(
        (p) => !p.startsWith('database/') && !p.endsWith('.repository.ts') && !/^modules\/[^/]+\/data\//.test(p),
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

  it("lets a module reach another module's data/ folder only through its read contract file", () => {
    // `modules/<name>/data/` is the module's own SQL; others may use only its `data/*-read-model.ts` files,
    // such as the posts module's public read model every public read shares (post-read-model.ts, and
    // post-rows-read-model.ts, which runs its statements and adds the labels).
    const moduleOf = (path: string) => /^modules\/([^/]+)\//.exec(path)?.[1];
    const offending = files.flatMap((f) => {
      const own = moduleOf(f.path);
      return f.imports
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(SRC, join(SRC, f.path, '..', spec)))
        .filter((target) => {
          const match = /^modules\/([^/]+)\/data\/(.+)$/.exec(target);
          return match !== null && match[1] !== own && !/-read-model$/.test(match[2]);
        })
        .map((target) => `${f.path} imports ${target}`);
    });
    expect(offending).toEqual([]);
  });

  it('keeps the public read model the only home of the visibility rule', () => {
    // The "published and due" rule is written once, in posts/data/post-read-model.ts.
    const rule = /status\s*=\s*'PUBLISHED'\s+AND\s+\w+\.published_at\s*<=|publishedAt:\s*\{\s*lte:/;
    const homes = sourceFiles(SRC)
      .filter((path) => rule.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path));
    expect(homes).toEqual(['modules/posts/data/post-read-model.ts']);
  });

  it('keeps the SQL filter on the document kind in the posts read model', () => {
    // Posts and pages share one table; which kinds a read sees is decided in posts/data (see document-kind.ts).
    const rule = /\bkind\s*=\s*'(post|page)'|::"Document(?:Kind)"/;
    const homes = sourceFiles(SRC)
      .filter((path) => rule.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path))
      .sort();
    expect(homes).toEqual(['modules/posts/data/post-read-model.ts']);
  });

  it('keeps database/ independent of feature modules', () => {
    expect(violations((p) => p.startsWith('database/'), (s) => s.includes('/modules/'))).toEqual([]);
  });

  it('never imports test code from src', () => {
    expect(violations(() => true, (s) => s.includes('/test/'))).toEqual([]);
  });
});
