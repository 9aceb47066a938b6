import { Resolver } from '@nestjs/graphql';
import { LabelsAdminResolver } from '../labels/labels-admin.resolver';
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AdminAuthorModel } from './models/admin-author.model';
import { AuthorsAdminService } from './authors-admin.service';

@Resolver(() => AdminAuthorModel)
export class AuthorsAdminResolver extends LabelsAdminResolver(
  { model: AdminAuthorModel, create: CreateAuthorInput, update: UpdateAuthorInput },
  {
    title: 'Author',
    noun: 'author',
    create: 'Create an author profile; the slug is generated from the name unless given (CONFLICT when taken).',
    update: 'Change an author; requires its current etag as `ifMatch`.',
    delete: 'Delete an author and remove them from every post; returns the author as they were.',
  },
) {
  constructor(authors: AuthorsAdminService) {
    super(authors);
  }
}
