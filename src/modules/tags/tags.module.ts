import { Module } from '@nestjs/common';
import { LabelsModule } from '../labels/labels.module';
import { TagsAdminController } from './tags-admin.controller';
import { TagsAdminResolver } from './tags-admin.resolver';
import { TagsAdminService } from './tags-admin.service';
import { TagsController } from './tags.controller';
import { TagsResolver } from './tags.resolver';
import { TagsService } from './tags.service';

/** The tag kind of label (see labels/ for the shared mechanism and tag.label.ts for what is its own). */
@Module({
  imports: [LabelsModule],
  controllers: [TagsAdminController, TagsController],
  providers: [TagsService, TagsResolver, TagsAdminService, TagsAdminResolver],
  exports: [TagsService],
})
export class TagsModule {}
