import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { SettingsModule } from '../settings/settings.module';
import { TagsModule } from '../tags/tags.module';
import { FeedsController } from './feeds.controller';
import { FeedsService } from './feeds.service';

@Module({
  imports: [PostsModule, TagsModule, SettingsModule],
  controllers: [FeedsController],
  providers: [FeedsService],
})
export class FeedsModule {}
