import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { LabelsPublicController } from '../labels/labels.controller';
import { AuthorModel } from './models/author.model';
import { AuthorsService } from './authors.service';

@ApiTags('authors')
@Public()
@Controller('api/authors')
export class AuthorsController extends LabelsPublicController(AuthorModel, {
  noun: 'author',
  list: 'List authors with at least one published post, by name.',
}) {
  constructor(authors: AuthorsService) {
    super(authors);
  }
}
