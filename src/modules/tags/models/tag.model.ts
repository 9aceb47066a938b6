import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ImageModel } from '../../media/models/image.model';
import { LabelModel } from '../../labels/models/label.model';

@ApiSchema({ name: 'Tag', description: 'A public tag.' })
@ObjectType('Tag', { description: 'A topic posts are filed under; the first tag of a post is its primary tag.' })
export class TagModel extends LabelModel {
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  description: string | null;

  @ApiProperty({ type: ImageModel, nullable: true, description: 'The tag\'s image from the media library.' })
  @Field(() => ImageModel, { nullable: true, description: 'The tag\'s image from the media library.' })
  image: ImageModel | null;

  @ApiProperty({ description: 'Number of published posts with this tag.' })
  @Field(() => Int, { description: 'Number of published posts with this tag.' })
  postCount: number;
}
