import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { committedMigrations, compareMigrations } from './migration-status';
import { projectRoot } from '../config/project-root';

const checksum = (name: string) =>
  createHash('sha256').update(readFileSync(join(projectRoot(), 'prisma', 'migrations', name, 'migration.sql'))).digest('hex');

describe('compareMigrations', () => {
  const names = committedMigrations().map((m) => m.name);
  const applied = names.map((name) => ({ migration_name: name, checksum: checksum(name) }));

  it('finds nothing to do when every committed migration is recorded with its checksum', () => {
    expect(compareMigrations(applied)).toEqual({ pending: [], modified: [] });
  });

  it('lists committed migrations the database has not recorded', () => {
    expect(compareMigrations(applied.slice(0, -1)).pending).toEqual([names.at(-1)]);
    expect(compareMigrations([]).pending).toEqual(names);
  });

  it('reports a migration whose file changed after it was applied', () => {
    const changed = applied.map((row, i) => (i === 0 ? { ...row, checksum: 'f'.repeat(64) } : row));
    expect(compareMigrations(changed)).toEqual({ pending: [], modified: [names[0]] });
  });
});
