import { Module } from '@nestjs/common';
import { AuthorsModule } from '../authors/authors.module';
import { TagsModule } from '../tags/tags.module';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

@Module({
  imports: [TagsModule, AuthorsModule],
  controllers: [SearchController],
  providers: [SearchRepository, SearchService, SearchResolver],
})
export class SearchModule {}
