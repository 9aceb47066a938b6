import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { AuthorModel } from './author.model';

@ApiSchema({ name: 'AdminAuthor', description: 'An author as the editor API sees it: any author, with or without posts, with its ETag.' })
@ObjectType('AdminAuthor', { description: 'An author as the editor API sees it: any author, with or without posts, with its ETag.' })
export class AdminAuthorModel extends AuthorModel {
  @ApiProperty({ format: 'date-time' }) @Field()
  createdAt: string;

  @ApiProperty({ format: 'date-time' }) @Field()
  updatedAt: string;

  @ApiProperty({ example: '"5b0c…:1764000000000"', description: 'Pass as If-Match (REST) or ifMatch (GraphQL) to update or delete.' })
  @Field({ description: 'Current ETag; pass it as `ifMatch` to updateAuthor / deleteAuthor.' })
  etag: string;
}
