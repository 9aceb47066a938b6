import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { IsSlug } from '../../content-body/is-slug.validator';

export const AUTHOR_NAME_MAX = 191;
export const AUTHOR_BIO_MAX = 500;
export const AUTHOR_URL_MAX = 2048;
export const AUTHOR_URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** A new author profile (REST body and GraphQL input alike). Public fields only: there is no e-mail. */
@InputType('CreateAuthorInput')
export class CreateAuthorInput {
  @ApiProperty({ maxLength: AUTHOR_NAME_MAX, example: 'Mara Quill' })
  @Field({ description: `Display name, at most ${AUTHOR_NAME_MAX} characters.` })
  @IsString() @IsNotEmpty() @MaxLength(AUTHOR_NAME_MAX)
  name: string;

  @ApiPropertyOptional({ example: 'mara-quill', description: 'Lowercase words and hyphens. Default: generated from the name, made unique.' })
  @Field(() => String, { nullable: true, description: 'Lowercase words and hyphens; generated from the name (made unique) when absent.' })
  @ValidateIf((_o: unknown, value: unknown) => value !== undefined) @IsSlug()
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: AUTHOR_BIO_MAX })
  @Field(() => String, { nullable: true, description: `At most ${AUTHOR_BIO_MAX} characters.` })
  @IsOptional() @IsString() @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Absolute http(s) URL of the portrait.' })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  avatarUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Absolute http(s) URL of the author\'s own site.' })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  website?: string | null;
}
