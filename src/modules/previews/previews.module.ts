import { PostReadModelModule } from '../posts/post-read-model.module';
import { Global, Module } from '@nestjs/common';
import { PREVIEW_ANSWERS } from '../../common/preview/preview-gate';
import { PostsModule } from '../posts/posts.module';
import { PreviewLinksRepository } from './data/preview-links.repository';
import { PreviewReadsRepository } from './data/preview-reads.repository';
import { PreviewLinksController } from './preview-links.controller';
import { PreviewAnswersService } from './preview-answers';
import { PagePreviewResolver, PostPreviewResolver, PreviewLinksResolver } from './previews.resolver';
import { PreviewsService } from './previews.service';

/**
 * Draft previews. The public single-document reads (posts, pages) opt in with `@Previewable(kind)` (REST, a
 * guard) or `@PreviewableQuery(kind)` (GraphQL, an interceptor); both hand the request to the answers provided
 * below (global, so that the posts module can resolve them without importing this one), which answer with the
 * latest state when a valid preview token for that document comes along.
 */
@Global()
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
    { provide: PREVIEW_ANSWERS, useClass: PreviewAnswersService },
  ],
  exports: [PreviewsService, PREVIEW_ANSWERS],
})
export class PreviewsModule {}
