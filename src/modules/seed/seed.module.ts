import { Module } from '@nestjs/common';
import { ContentBodyModule } from '../content-body/content-body.module';
import { MediaModule } from '../media/media.module';
import { SeedRepository } from './seed.repository';
import { SeedService } from './seed.service';

@Module({
  imports: [ContentBodyModule, MediaModule],
  providers: [SeedRepository, SeedService],
  exports: [SeedService],
})
export class SeedModule {}
