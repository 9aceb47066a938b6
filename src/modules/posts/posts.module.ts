import { PostReadModelModule } from './post-read-model.module';
import { MediaModule } from '../media/media.module';
import { Module } from '@nestjs/common';
import { AuthorsModule } from '../authors/authors.module';
import { ContentBodyModule } from '../content-body/content-body.module';
import { TagsModule } from '../tags/tags.module';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { PostIdempotencyService } from './post-idempotency.service';
import { PostWritesRepository } from './post-writes.repository';
import { PostsAdminController } from './posts-admin.controller';
import { PostsAdminResolver } from './posts-admin.resolver';
import { PostsAdminService } from './posts-admin.service';
import { PostsController } from './posts.controller';
import { PostLoadersFactory } from './posts.loaders';
import { PostsRepository } from './posts.repository';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { PagesAdminController } from './pages-admin.controller';
import { PagesAdminResolver } from './pages-admin.resolver';
import { PagesController } from './pages.controller';
import { PagesResolver } from './pages.resolver';

@Module({
  imports: [PostReadModelModule, TagsModule, AuthorsModule, ContentBodyModule, MediaModule],
  // Pages are documents of another kind: thin transports over the same services.
  controllers: [PostsController, PostsAdminController, PagesController, PagesAdminController],
  providers: [
    PostsRepository,
    PostsService,
    PostsResolver,
    PostLoadersFactory,
    PostWritesRepository,
    IdempotencyKeysRepository,
    PostIdempotencyService,
    PostsAdminService,
    PostsAdminResolver,
    PagesResolver,
    PagesAdminResolver,
  ],
  exports: [PostsService, PostLoadersFactory],
})
export class PostsModule {}
