import { Module } from '@nestjs/common';
import { LabelsModule } from '../labels/labels.module';
import { AuthorsAdminController } from './authors-admin.controller';
import { AuthorsAdminResolver } from './authors-admin.resolver';
import { AuthorsAdminService } from './authors-admin.service';
import { AuthorsController } from './authors.controller';
import { AuthorsResolver } from './authors.resolver';
import { AuthorsService } from './authors.service';

/** The author kind of label (see labels/ for the shared mechanism and author.label.ts for what is its own). */
@Module({
  imports: [LabelsModule],
  controllers: [AuthorsAdminController, AuthorsController],
  providers: [AuthorsService, AuthorsResolver, AuthorsAdminService, AuthorsAdminResolver],
  exports: [AuthorsService],
})
export class AuthorsModule {}
