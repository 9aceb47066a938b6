import { Type } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { SocialLinksModel } from './social-links.model';

/** What every label (tag, author) shows; each kind's model adds its own fields and its post count. */
@ObjectType({ isAbstract: true })
export abstract class LabelModel {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID)
  id: string;

  @ApiProperty({ example: 'long-form' }) @Field()
  slug: string;

  @ApiProperty({ example: 'Long-form' }) @Field()
  name: string;

  @ApiProperty({ type: SocialLinksModel, description: 'Social profiles (URLs), null per network where unset.' })
  @Field(() => SocialLinksModel, { description: 'Social profiles (URLs), null per network where unset.' })
  social: SocialLinksModel;
}

/** The editor's view of a label of model `Base`: any label, used or not, with its ETag. */
export function AdminLabel<T extends Type<LabelModel>>(Base: T, noun: string) {
  @ObjectType({ isAbstract: true })
  abstract class AdminLabelModel extends Base {
    @ApiProperty({ format: 'date-time' }) @Field()
    createdAt: string;

    @ApiProperty({ format: 'date-time' }) @Field()
    updatedAt: string;

    @ApiProperty({ example: '"5b0c…:1764000000000"', description: 'Pass as If-Match (REST) or ifMatch (GraphQL) to update or delete.' })
    @Field({ description: `Current ETag; pass it as \`ifMatch\` to update${noun} / delete${noun}.` })
    etag: string;
  }
  return AdminLabelModel;
}
