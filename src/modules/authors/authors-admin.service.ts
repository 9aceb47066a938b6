import { Injectable } from '@nestjs/common';
import { LabelsDependencies } from '../labels/labels-dependencies';
import { LabelsAdminService } from '../labels/labels-admin.service';
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AuthorModel } from './models/author.model';
import { AUTHOR_LABEL } from './author.label';

/** Editor use cases for authors (public profile fields only), shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class AuthorsAdminService extends LabelsAdminService<'author', AuthorModel, CreateAuthorInput, UpdateAuthorInput> {
  constructor(labels: LabelsDependencies) {
    super(AUTHOR_LABEL, labels);
  }
}
