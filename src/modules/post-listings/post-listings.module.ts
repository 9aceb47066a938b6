import { PostReadModelModule } from '../posts/post-read-model.module';
import { MediaModule } from '../media/media.module';
import { Module } from '@nestjs/common';
import { AuthorPostsResolver } from './author-posts.resolver';
import { PostListingLoadersFactory } from './post-listings.loaders';
import { PostListingsRepository } from './post-listings.repository';
import { PostListingsService } from './post-listings.service';
import { TagPostsResolver } from './tag-posts.resolver';

/** Post listings owned by other features' types (Tag.posts, Author.posts). */
@Module({
  imports: [PostReadModelModule, MediaModule],
  providers: [PostListingsRepository, PostListingsService, PostListingLoadersFactory, TagPostsResolver, AuthorPostsResolver],
  exports: [PostListingLoadersFactory],
})
export class PostListingsModule {}
