import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Author', description: 'A public author profile. Never carries an e-mail or anything private.' })
@ObjectType('Author', { description: 'A public author profile. Never carries an e-mail or anything private.' })
export class AuthorModel {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID)
  id: string;

  @ApiProperty({ example: 'mara-quill' }) @Field()
  slug: string;

  @ApiProperty() @Field()
  name: string;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  bio: string | null;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  avatarUrl: string | null;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  website: string | null;

  @ApiProperty({ description: 'Number of published posts by this author.' })
  @Field(() => Int, { description: 'Number of published posts by this author.' })
  postCount: number;
}
