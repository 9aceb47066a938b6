import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsSlug } from '../../content-body/is-slug.validator';

export const TAG_NAME_MAX = 191;
export const TAG_DESCRIPTION_MAX = 500;

/** A new tag (REST body and GraphQL input alike). */
@InputType('CreateTagInput')
export class CreateTagInput {
  @ApiProperty({ maxLength: TAG_NAME_MAX, example: 'Long-form' })
  @Field({ description: `Display name, at most ${TAG_NAME_MAX} characters.` })
  @IsString() @IsNotEmpty() @MaxLength(TAG_NAME_MAX)
  name: string;

  @ApiPropertyOptional({ example: 'long-form', description: 'Lowercase words and hyphens. Default: generated from the name, made unique.' })
  @Field(() => String, { nullable: true, description: 'Lowercase words and hyphens; generated from the name (made unique) when absent.' })
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined) @IsSlug()
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TAG_DESCRIPTION_MAX })
  @Field(() => String, { nullable: true, description: `At most ${TAG_DESCRIPTION_MAX} characters.` })
  @IsOptional() @IsString() @MaxLength(TAG_DESCRIPTION_MAX)
  description?: string | null;
}
