import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Tag', description: 'A public tag.' })
@ObjectType('Tag', { description: 'A topic posts are filed under; the first tag of a post is its primary tag.' })
export class TagModel {
  @ApiProperty({ format: 'uuid' }) @Field(() => ID)
  id: string;

  @ApiProperty({ example: 'long-form' }) @Field()
  slug: string;

  @ApiProperty({ example: 'Long-form' }) @Field()
  name: string;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  description: string | null;

  @ApiProperty({ description: 'Number of published posts with this tag.' })
  @Field(() => Int, { description: 'Number of published posts with this tag.' })
  postCount: number;
}
