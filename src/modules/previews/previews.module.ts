import { PostReadModelModule } from '../posts/post-read-model.module';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PostsModule } from '../posts/posts.module';
import { PreviewLinksRepository } from './data/preview-links.repository';
import { PreviewReadsRepository } from './data/preview-reads.repository';
import { PreviewLinksController } from './preview-links.controller';
import { PreviewInterceptor } from './preview.interceptor';
import { PagePreviewResolver, PostPreviewResolver, PreviewLinksResolver } from './previews.resolver';
import { PreviewsService } from './previews.service';

/**
 * Draft previews. The public single-document reads (posts, pages) opt in with `@Previewable(kind)`; the global interceptor
 * below answers them with the latest state when a valid preview token for that document comes along.
 */
@Module({
  imports: [PostReadModelModule, PostsModule],
  controllers: [PreviewLinksController],
  providers: [
    PreviewLinksRepository,
    PreviewReadsRepository,
    PreviewsService,
    PreviewLinksResolver,
    PostPreviewResolver,
    PagePreviewResolver,
    { provide: APP_INTERCEPTOR, useClass: PreviewInterceptor },
  ],
  exports: [PreviewsService],
})
export class PreviewsModule {}
