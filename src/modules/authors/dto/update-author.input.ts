import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { MediaIdField, UpdateLabelInput } from '../../labels/dto/label-fields.input';
import { AUTHOR_BIO_MAX, AUTHOR_URL_MAX, AUTHOR_URL_OPTIONS } from './create-author.input';

/** A partial update: absent fields stay; null clears bio, avatarUrl, avatarId or website. The slug never changes by itself. */
@InputType('UpdateAuthorInput')
export class UpdateAuthorInput extends UpdateLabelInput('author') {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: AUTHOR_BIO_MAX })
  @Field(() => String, { nullable: true, description: `At most ${AUTHOR_BIO_MAX} characters; null clears it.` })
  @IsOptional() @IsString() @MaxLength(AUTHOR_BIO_MAX)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL; null clears it.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  avatarUrl?: string | null;

  @MediaIdField('author\'s portrait (wins over avatarUrl)')
  avatarId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL; null clears it.' })
  @IsOptional() @IsUrl(AUTHOR_URL_OPTIONS) @MaxLength(AUTHOR_URL_MAX)
  website?: string | null;
}
