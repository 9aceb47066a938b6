import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/graphql/connection.types';
import { PostModel } from './post.model';

@ObjectType('PostConnection')
export class PostConnection extends Connection(PostModel, 'Post') {}
