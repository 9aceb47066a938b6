import { Module } from '@nestjs/common';
import { TagWritesRepository } from './tag-writes.repository';
import { TagsAdminController } from './tags-admin.controller';
import { TagsAdminResolver } from './tags-admin.resolver';
import { TagsAdminService } from './tags-admin.service';
import { TagsController } from './tags.controller';
import { TagsRepository } from './tags.repository';
import { TagsResolver } from './tags.resolver';
import { TagsService } from './tags.service';

@Module({
  controllers: [TagsAdminController, TagsController],
  providers: [TagsRepository, TagsService, TagsResolver, TagWritesRepository, TagsAdminService, TagsAdminResolver],
  exports: [TagsService],
})
export class TagsModule {}
