import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ImageModel } from '../../media/models/image.model';
import { LabelModel } from '../../labels/models/label.model';

@ApiSchema({ name: 'Author', description: 'A public author profile. Never carries an e-mail or anything private.' })
@ObjectType('Author', { description: 'A public author profile. Never carries an e-mail or anything private.' })
export class AuthorModel extends LabelModel {
  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  bio: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The portrait\'s URL as given by the editor (see `avatar` for the library image).' })
  @Field(() => String, { nullable: true, description: 'The portrait\'s URL as given by the editor (see `avatar` for the library image).' })
  avatarUrl: string | null;

  @ApiProperty({
    type: ImageModel, nullable: true,
    description: 'The portrait: the library image when one is set, else a URL-only image of `avatarUrl`.',
  })
  @Field(() => ImageModel, { nullable: true, description: 'The portrait: the library image when one is set, else a URL-only image of `avatarUrl`.' })
  avatar: ImageModel | null;

  @ApiProperty({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  website: string | null;

  @ApiProperty({ description: 'Number of published posts by this author.' })
  @Field(() => Int, { description: 'Number of published posts by this author.' })
  postCount: number;
}
