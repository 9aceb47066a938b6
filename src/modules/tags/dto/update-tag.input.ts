import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsSlug } from '../../content-body/is-slug.validator';
import { TAG_DESCRIPTION_MAX, TAG_NAME_MAX } from './create-tag.input';

const present = (_o: unknown, value: unknown) => value !== undefined;

/** A partial update: absent fields stay; `description: null` clears it. The slug never changes by itself. */
@InputType('UpdateTagInput')
export class UpdateTagInput {
  @ApiPropertyOptional({ maxLength: TAG_NAME_MAX })
  @Field(() => String, { nullable: true, description: `At most ${TAG_NAME_MAX} characters.` })
  @ValidateIf(present) @IsString() @IsNotEmpty() @MaxLength(TAG_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ description: 'A new slug (lowercase words and hyphens); 409 when taken.' })
  @Field(() => String, { nullable: true, description: 'A new slug; CONFLICT when another tag has it.' })
  @ValidateIf(present) @IsSlug()
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TAG_DESCRIPTION_MAX })
  @Field(() => String, { nullable: true, description: `At most ${TAG_DESCRIPTION_MAX} characters; null clears it.` })
  @IsOptional() @IsString() @MaxLength(TAG_DESCRIPTION_MAX)
  description?: string | null;
}
