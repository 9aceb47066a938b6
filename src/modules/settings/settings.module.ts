import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { PostsModule } from '../posts/posts.module';
import { SettingsAdminController } from './settings-admin.controller';
import { SettingsController } from './settings.controller';
import { SettingsRepository } from './settings.repository';
import { SettingsResolver } from './settings.resolver';
import { SettingsService } from './settings.service';

@Module({
  imports: [MediaModule, PostsModule],
  controllers: [SettingsController, SettingsAdminController],
  providers: [SettingsRepository, SettingsService, SettingsResolver],
  exports: [SettingsService],
})
export class SettingsModule {}
