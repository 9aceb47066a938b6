import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MediaIdField, UpdateLabelInput } from '../../labels/dto/label-fields.input';
import { TAG_DESCRIPTION_MAX } from './create-tag.input';

/** A partial update: absent fields stay; `description: null` clears it. The slug never changes by itself. */
@InputType('UpdateTagInput')
export class UpdateTagInput extends UpdateLabelInput('tag') {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TAG_DESCRIPTION_MAX })
  @Field(() => String, { nullable: true, description: `At most ${TAG_DESCRIPTION_MAX} characters; null clears it.` })
  @IsOptional() @IsString() @MaxLength(TAG_DESCRIPTION_MAX)
  description?: string | null;

  @MediaIdField('tag\'s image')
  imageId?: string | null;
}
