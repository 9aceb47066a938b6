import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../common/graphql/connection.types';
import { AuthorModel } from './author.model';

@ObjectType('AuthorConnection')
export class AuthorConnection extends Connection(AuthorModel, 'Author') {}
