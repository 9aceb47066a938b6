import { INestApplication } from '@nestjs/common';
import { SeedService } from './seed.service';

export function seedIfEmpty(app: INestApplication): Promise<boolean> {
  return app.get(SeedService).seedIfEmpty();
}
