import { PostReadModelModule } from '../posts/post-read-model.module';
import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { PostRelatedResolver } from './post-related.resolver';
import { RelatedContentController } from './related-content.controller';
import { RelatedLoadersFactory } from './related-content.loaders';
import { RelatedContentRepository } from './related-content.repository';
import { RelatedContentService } from './related-content.service';
import { RelatedRefreshRepository } from './related-refresh.repository';
import { RelatedRefreshWorker } from './related-refresh.worker';

@Module({
  imports: [PostReadModelModule, PostsModule],
  controllers: [RelatedContentController],
  providers: [RelatedContentRepository, RelatedContentService, PostRelatedResolver, RelatedLoadersFactory, RelatedRefreshRepository, RelatedRefreshWorker],
  exports: [RelatedContentService, RelatedLoadersFactory, RelatedRefreshWorker],
})
export class RelatedContentModule {}
