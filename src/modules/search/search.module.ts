import { PostReadModelModule } from '../posts/post-read-model.module';
import { MediaModule } from '../media/media.module';
import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [PostReadModelModule, MediaModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService, SearchResolver],
})
export class SearchModule {}
