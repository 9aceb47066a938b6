import { Module } from '@nestjs/common';
import { AuthorWritesRepository } from './author-writes.repository';
import { AuthorsAdminController } from './authors-admin.controller';
import { AuthorsAdminResolver } from './authors-admin.resolver';
import { AuthorsAdminService } from './authors-admin.service';
import { AuthorsController } from './authors.controller';
import { AuthorsRepository } from './authors.repository';
import { AuthorsResolver } from './authors.resolver';
import { AuthorsService } from './authors.service';

@Module({
  controllers: [AuthorsAdminController, AuthorsController],
  providers: [AuthorsRepository, AuthorsService, AuthorsResolver, AuthorWritesRepository, AuthorsAdminService, AuthorsAdminResolver],
  exports: [AuthorsService],
})
export class AuthorsModule {}
