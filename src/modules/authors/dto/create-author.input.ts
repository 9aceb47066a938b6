import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { CreateLabelInput, MediaIdField } from '../../labels/dto/label-fields.input';

export const AUTHOR_BIO_MAX = 500;
export const AUTHOR_URL_MAX = 2048;
export const AUTHOR_URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** A new author profile (REST body and GraphQL input alike). Public fields only: there is no e-mail. */
@InputType('CreateAuthorInput')
export class CreateAuthorInput extends CreateLabelInput('author', { name: 'Mara Quill', slug: 'mara-quill' }) {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: AUTHOR_BIO_MAX })
  @Field(() => String, { nullable: true, description: `At most ${AUTHOR_BIO_MAX} characters.` })
  @IsOptional() @IsString() @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Absolute http(s) URL of the portrait (when it is not in the media library).' })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  avatarUrl?: string | null;

  @MediaIdField('author\'s portrait (wins over avatarUrl)')
  avatarId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Absolute http(s) URL of the author\'s own site.' })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  website?: string | null;
}
