import { SeedService } from '../modules/seed/seed.service';
import { runCli } from './run-cli';

void runCli(async (app) =>
  (await app.get(SeedService).seedIfEmpty())
    ? 'Example content seeded.'
    : 'The database already has content; nothing was seeded (seeding only fills an empty database).',
);
