import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsSlug } from '../../content-body/is-slug.validator';
import { SocialLinksInput } from './social-links.input';

export const LABEL_NAME_MAX = 191;

const present = (_o: unknown, value: unknown) => value !== undefined;
const SOCIAL = 'Social links: networks left out stay, null removes one; `social: null` removes all.';

/** The fields every label kind's create input has; `noun` ('tag', 'author') words the docs. */
export function CreateLabelInput(noun: string, example: { name: string; slug: string }) {
  @InputType({ isAbstract: true })
  abstract class CreateLabelFields {
    @ApiProperty({ maxLength: LABEL_NAME_MAX, example: example.name })
    @Field({ description: `Display name, at most ${LABEL_NAME_MAX} characters.` })
    @IsString() @IsNotEmpty() @MaxLength(LABEL_NAME_MAX)
    name: string;

    @ApiPropertyOptional({ example: example.slug, description: 'Lowercase words and hyphens. Default: generated from the name, made unique.' })
    @Field(() => String, { nullable: true, description: 'Lowercase words and hyphens; generated from the name (made unique) when absent.' })
    @ValidateIf(present) @IsSlug()
    slug?: string;

    @ApiPropertyOptional({ type: SocialLinksInput, nullable: true, description: `The ${noun}'s social profiles (URLs or handles).` })
    @Field(() => SocialLinksInput, { nullable: true, description: `The ${noun}'s social profiles (URLs or handles).` })
    @IsOptional() @ValidateNested() @Type(() => SocialLinksInput)
    social?: SocialLinksInput | null;
  }
  return CreateLabelFields;
}

/** The fields every label kind's partial update has: absent fields stay. The slug never changes by itself. */
export function UpdateLabelInput(noun: string) {
  @InputType({ isAbstract: true })
  abstract class UpdateLabelFields {
    @ApiPropertyOptional({ maxLength: LABEL_NAME_MAX })
    @Field(() => String, { nullable: true, description: `At most ${LABEL_NAME_MAX} characters.` })
    @ValidateIf(present) @IsString() @IsNotEmpty() @MaxLength(LABEL_NAME_MAX)
    name?: string;

    @ApiPropertyOptional({ description: 'A new slug (lowercase words and hyphens); 409 when taken.' })
    @Field(() => String, { nullable: true, description: `A new slug; CONFLICT when another ${noun} has it.` })
    @ValidateIf(present) @IsSlug()
    slug?: string;

    @ApiPropertyOptional({ type: SocialLinksInput, nullable: true, description: SOCIAL })
    @Field(() => SocialLinksInput, { nullable: true, description: SOCIAL })
    @IsOptional() @ValidateNested() @Type(() => SocialLinksInput)
    social?: SocialLinksInput | null;
  }
  return UpdateLabelFields;
}

/** A library image id field (`imageId`, `avatarId`): a media item's id, null removes the image. */
export function MediaIdField(what: string): PropertyDecorator {
  const description = `Id of a media library item to use as the ${what}; null removes it. An unknown id is a validation error.`;
  const decorators = [
    ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description }),
    Field(() => ID, { nullable: true, description }),
    IsOptional(),
    IsUUID(),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}
