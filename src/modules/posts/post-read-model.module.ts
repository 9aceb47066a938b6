import { Module } from '@nestjs/common';
import { ResponseCacheModule } from '../response-cache/response-cache.module';
import { PostRowsReader } from './data/post-rows-read-model';

/** The public post read model's reader, for every module that reads public posts (posts, search, related, listings, previews). */
@Module({
  imports: [ResponseCacheModule],
  providers: [PostRowsReader],
  exports: [PostRowsReader],
})
export class PostReadModelModule {}
