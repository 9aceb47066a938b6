import { ObjectType } from '@nestjs/graphql';
import { ApiSchema } from '@nestjs/swagger';
import { AdminLabel } from '../../labels/models/label.model';
import { AuthorModel } from './author.model';

@ApiSchema({ name: 'AdminAuthor', description: 'An author as the editor API sees it: any author, with or without posts, with its ETag.' })
@ObjectType('AdminAuthor', { description: 'An author as the editor API sees it: any author, with or without posts, with its ETag.' })
export class AdminAuthorModel extends AdminLabel(AuthorModel, 'Author') {}
