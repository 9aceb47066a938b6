import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { TagModel } from './tag.model';

@ApiSchema({ name: 'AdminTag', description: 'A tag as the editor API sees it: any tag, used or not, with its ETag.' })
@ObjectType('AdminTag', { description: 'A tag as the editor API sees it: any tag, used or not, with its ETag.' })
export class AdminTagModel extends TagModel {
  @ApiProperty({ format: 'date-time' }) @Field()
  createdAt: string;

  @ApiProperty({ format: 'date-time' }) @Field()
  updatedAt: string;

  @ApiProperty({ example: '"5b0c…:1764000000000"', description: 'Pass as If-Match (REST) or ifMatch (GraphQL) to update or delete.' })
  @Field({ description: 'Current ETag; pass it as `ifMatch` to updateTag / deleteTag.' })
  etag: string;
}
