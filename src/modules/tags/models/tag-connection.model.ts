import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/graphql/connection.types';
import { TagModel } from './tag.model';

@ObjectType('TagConnection')
export class TagConnection extends Connection(TagModel, 'Tag') {}
