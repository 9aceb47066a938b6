import { Resolver } from '@nestjs/graphql';
import { LabelsPublicResolver } from '../labels/labels.resolver';
import { AuthorConnection } from './models/author-connection.model';
import { AuthorModel } from './models/author.model';
import { AuthorsService } from './authors.service';

@Resolver(() => AuthorModel)
export class AuthorsResolver extends LabelsPublicResolver(
  { model: AuthorModel, connection: AuthorConnection },
  { one: 'author', many: 'authors', noun: 'author', list: 'Authors with at least one published post, by name.' },
) {
  constructor(authors: AuthorsService) {
    super(authors);
  }
}
