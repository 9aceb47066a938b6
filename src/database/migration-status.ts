import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrismaService } from './prisma.service';
import { projectRoot } from './project-root';

/** Committed migrations that are not applied (or failed) in the connected database. */
export async function pendingMigrations(prisma: PrismaService): Promise<string[]> {
  const committed = readdirSync(join(projectRoot(), 'prisma', 'migrations'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const applied = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.migration_name));
  return committed.filter((name) => !done.has(name));
}
