import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';

export const MAX_TAGS_PER_POST = 20;
export const MAX_AUTHORS_PER_POST = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

/** Optional, but when present it must be a value: `null` is refused (for fields that cannot be empty). */
const OptionalNotNull = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** A feature image: a media library item (`mediaId`) or an image elsewhere (`url`); exactly one of them. */
@InputType('FeatureImageInput', { description: 'A media library item (mediaId) or an absolute URL (url): exactly one of them.' })
export class FeatureImageInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'A media library item; an unknown id is a 400. Not with `url`.' })
  @Field(() => ID, { nullable: true, description: 'A media library item; an unknown id is a validation error. Not with url.' })
  @OptionalNotNull() @IsUUID()
  mediaId?: string;

  @ApiPropertyOptional({ description: 'Absolute http(s) URL. Not with `mediaId`.' })
  @Field(() => String, { nullable: true, description: 'Absolute http(s) URL. Not with mediaId.' })
  @OptionalNotNull() @IsUrl(URL_OPTIONS) @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsString() @MaxLength(500)
  alt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsString() @MaxLength(1000)
  caption?: string | null;
}

@InputType('SeoInput')
export class SeoInput {
  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsString() @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2048)
  ogImage?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2048)
  twitterImage?: string | null;
}

/** Fields every document kind has, on create and update (REST bodies and GraphQL inputs alike); `title` is declared by each. */
@InputType({ isAbstract: true })
export abstract class DocumentFieldsInput {
  @ApiPropertyOptional({ description: 'Lowercase words and hyphens. Default on create: generated from the title, made unique.' })
  @Field(() => String, { nullable: true, description: 'Lowercase words and hyphens; generated from the title when absent.' })
  @OptionalNotNull() @IsString() @MaxLength(80) @Matches(SLUG, { message: 'slug must be lowercase letters, digits and hyphens' })
  slug?: string;

  @ApiPropertyOptional({ description: 'Body as Markdown (≤ 1 MiB; larger → 413). Exactly one of markdown or html.' })
  @Field(() => String, { nullable: true, description: 'Body as Markdown (≤ 1 MiB). Give markdown or html, not both.' })
  @OptionalNotNull() @IsString()
  markdown?: string;

  @ApiPropertyOptional({ description: 'Body as HTML, sanitized on write (≤ 1 MiB). Exactly one of markdown or html.' })
  @Field(() => String, { nullable: true, description: 'Body as HTML, sanitized on write (≤ 1 MiB).' })
  @OptionalNotNull() @IsString()
  html?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Replaces the generated excerpt; null clears it.' })
  @Field(() => String, { nullable: true, description: 'Replaces the generated excerpt; null clears it.' })
  @IsOptional() @IsString() @MaxLength(500)
  customExcerpt?: string | null;

  @ApiPropertyOptional() @Field(() => Boolean, { nullable: true })
  @OptionalNotNull() @IsBoolean()
  featured?: boolean;

  @ApiPropertyOptional({ type: FeatureImageInput, nullable: true, description: 'Replaces the image; null removes it.' })
  @Field(() => FeatureImageInput, { nullable: true, description: 'Replaces the image; null removes it.' })
  @IsOptional() @ValidateNested() @Type(() => FeatureImageInput)
  featureImage?: FeatureImageInput | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @Field(() => String, { nullable: true })
  @IsOptional() @IsUrl(URL_OPTIONS) @MaxLength(2048)
  canonicalUrl?: string | null;

  @ApiPropertyOptional({ type: SeoInput, nullable: true, description: 'Replaces all SEO fields; null clears them.' })
  @Field(() => SeoInput, { nullable: true, description: 'Replaces all SEO fields; null clears them.' })
  @IsOptional() @ValidateNested() @Type(() => SeoInput)
  seo?: SeoInput | null;
}

/** Post fields: the document fields plus the ordered tag and author lists. */
@InputType({ isAbstract: true })
export abstract class PostFieldsInput extends DocumentFieldsInput {
  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS_PER_POST, description: 'Tag slugs or names in order (first = primary); unknown names are created. Replaces the list.' })
  @Field(() => [String], { nullable: true, description: 'Tag slugs or names in order (first = primary); unknown names are created. Replaces the list.' })
  @OptionalNotNull() @IsArray() @ArrayMaxSize(MAX_TAGS_PER_POST, { message: `a post has at most ${MAX_TAGS_PER_POST} tags` })
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(191, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Author slugs in order (first = primary). Replaces the list.' })
  @Field(() => [String], { nullable: true, description: 'Author slugs in order (first = primary); unknown slugs are refused. Replaces the list.' })
  @OptionalNotNull() @IsArray() @ArrayMaxSize(MAX_AUTHORS_PER_POST)
  @IsString({ each: true }) @Matches(SLUG, { each: true, message: 'authors must be author slugs' })
  authors?: string[];
}
