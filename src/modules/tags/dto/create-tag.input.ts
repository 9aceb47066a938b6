import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateLabelInput, MediaIdField } from '../../labels/dto/label-fields.input';

export const TAG_DESCRIPTION_MAX = 500;

/** A new tag (REST body and GraphQL input alike). */
@InputType('CreateTagInput')
export class CreateTagInput extends CreateLabelInput('tag', { name: 'Long-form', slug: 'long-form' }) {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TAG_DESCRIPTION_MAX })
  @Field(() => String, { nullable: true, description: `At most ${TAG_DESCRIPTION_MAX} characters.` })
  @IsOptional() @IsString() @MaxLength(TAG_DESCRIPTION_MAX)
  description?: string | null;

  @MediaIdField('tag\'s image')
  imageId?: string | null;
}
