import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/graphql/connection.types';
import { PageModel, PostModel } from './post.model';

@ObjectType('PostConnection')
export class PostConnection extends Connection(PostModel, 'Post') {}

@ObjectType('PageConnection')
export class PageConnection extends Connection(PageModel, 'Page') {}
