import { Module } from '@nestjs/common';
import { ContentBodyModule } from '../content-body/content-body.module';
import { SeedRepository } from './seed.repository';
import { SeedService } from './seed.service';

@Module({
  imports: [ContentBodyModule],
  providers: [SeedRepository, SeedService],
  exports: [SeedService],
})
export class SeedModule {}
