import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { IsSlug } from '../../content-body/is-slug.validator';
import { AUTHOR_BIO_MAX, AUTHOR_NAME_MAX, AUTHOR_URL_MAX, AUTHOR_URL_OPTIONS } from './create-author.input';

const present = (_o: unknown, value: unknown) => value !== undefined;

/** A partial update: absent fields stay; null clears bio, avatarUrl or website. The slug never changes by itself. */
@InputType('UpdateAuthorInput')
export class UpdateAuthorInput {
  @ApiPropertyOptional({ maxLength: AUTHOR_NAME_MAX })
  @Field(() => String, { nullable: true, description: `At most ${AUTHOR_NAME_MAX} characters.` })
  @ValidateIf(present) @IsString() @IsNotEmpty() @MaxLength(AUTHOR_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ description: 'A new slug (lowercase words and hyphens); 409 when taken.' })
  @Field(() => String, { nullable: true, description: 'A new slug; CONFLICT when another author has it.' })
  @ValidateIf(present) @IsSlug()
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: AUTHOR_BIO_MAX })
  @Field(() => String, { nullable: true, description: `At most ${AUTHOR_BIO_MAX} characters; null clears it.` })
  @IsOptional() @IsString() @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL; null clears it.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  avatarUrl?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL; null clears it.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  website?: string | null;
}
