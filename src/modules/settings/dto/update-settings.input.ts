import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, IsUrl, Matches, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';
import { LINK_URL_MAX, NAV_LABEL_MAX, NAVIGATION_MAX_ITEMS, SOCIAL_MAX_ACCOUNTS, SOCIAL_NETWORKS } from '../domain/site-settings';

const present = (_o: unknown, value: unknown) => value !== undefined;
const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

@InputType('NavigationItemInput', { description: 'A menu entry: a label and exactly one of `url` or `documentId`.' })
export class NavigationItemInput {
  @ApiProperty({ maxLength: NAV_LABEL_MAX, example: 'About' })
  @Field({ description: `At most ${NAV_LABEL_MAX} characters.` })
  @IsString() @IsNotEmpty() @MaxLength(NAV_LABEL_MAX)
  label: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LINK_URL_MAX, description: 'An http(s) URL, a site path (`/about`) or a `#fragment`.' })
  @Field(() => String, { nullable: true, description: 'An http(s) URL, a site path (`/about`) or a `#fragment`.' })
  @IsOptional() @IsString() @MaxLength(LINK_URL_MAX)
  url?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A document (post) to link; its public URL is filled in on read.' })
  @Field(() => ID, { nullable: true, description: 'A document (post) to link; its public URL is filled in on read.' })
  @IsOptional() @IsUUID('all')
  documentId?: string | null;
}

@InputType('SocialAccountInput', { description: 'The site on one social network.' })
export class SocialAccountInput {
  @ApiProperty({ enum: SOCIAL_NETWORKS })
  @Field({ description: `One of ${SOCIAL_NETWORKS.join(', ')}.` })
  @IsIn(SOCIAL_NETWORKS, { message: `network must be one of ${SOCIAL_NETWORKS.join(', ')}` })
  network: string;

  @ApiProperty({ maxLength: LINK_URL_MAX, example: 'https://github.com/byline' })
  @Field({ description: 'Profile URL (http or https).' })
  @IsString() @MaxLength(LINK_URL_MAX) @IsUrl(HTTP_URL)
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Field(() => String, { nullable: true, description: 'The handle as the network writes it.' })
  @IsOptional() @IsString() @MaxLength(100)
  handle?: string | null;
}

/**
 * A partial update: absent fields stay. `null` puts title, description, locale and timezone back to
 * their configured defaults, and clears logo, icon and accent colour. Lists replace the stored ones.
 */
@InputType('UpdateSettingsInput')
export class UpdateSettingsInput {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null: back to SITE_TITLE.' })
  @Field(() => String, { nullable: true, description: 'At most 200 characters; null: back to SITE_TITLE.' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'null: back to SITE_DESCRIPTION.' })
  @Field(() => String, { nullable: true, description: 'At most 500 characters; null: back to SITE_DESCRIPTION.' })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A media library item; null removes the logo.' })
  @Field(() => ID, { nullable: true, description: 'A media library item; null removes the logo.' })
  @IsOptional() @IsUUID('all')
  logoMediaId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A media library item; null removes the icon.' })
  @Field(() => ID, { nullable: true, description: 'A media library item; null removes the icon.' })
  @IsOptional() @IsUUID('all')
  iconMediaId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#ff5a1f', description: '`#rrggbb`; null removes it.' })
  @Field(() => String, { nullable: true, description: '`#rrggbb`; null removes it.' })
  @IsOptional() @IsString() @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'accentColor must be a colour as #rrggbb' })
  accentColor?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'en-GB', description: 'A BCP 47 language tag; null: back to SITE_LOCALE.' })
  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag; null: back to SITE_LOCALE.' })
  @IsOptional() @IsString() @MaxLength(35)
  locale?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/London', description: 'An IANA time zone; null: back to SITE_TIMEZONE.' })
  @Field(() => String, { nullable: true, description: 'An IANA time zone; null: back to SITE_TIMEZONE.' })
  @IsOptional() @IsString() @MaxLength(64)
  timezone?: string | null;

  @ApiPropertyOptional({ type: [SocialAccountInput], maxItems: SOCIAL_MAX_ACCOUNTS, description: 'Replaces the list; one entry per network.' })
  @Field(() => [SocialAccountInput], { nullable: true, description: `Replaces the list (at most ${SOCIAL_MAX_ACCOUNTS}, one per network).` })
  @ValidateIf(present) @IsArray() @ArrayMaxSize(SOCIAL_MAX_ACCOUNTS) @ValidateNested({ each: true }) @Type(() => SocialAccountInput)
  social?: SocialAccountInput[];

  @ApiPropertyOptional({ type: [NavigationItemInput], maxItems: NAVIGATION_MAX_ITEMS, description: 'Replaces the main menu.' })
  @Field(() => [NavigationItemInput], { nullable: true, description: `Replaces the main menu (at most ${NAVIGATION_MAX_ITEMS} entries).` })
  @ValidateIf(present) @IsArray() @ArrayMaxSize(NAVIGATION_MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => NavigationItemInput)
  primaryNavigation?: NavigationItemInput[];

  @ApiPropertyOptional({ type: [NavigationItemInput], maxItems: NAVIGATION_MAX_ITEMS, description: 'Replaces the secondary menu.' })
  @Field(() => [NavigationItemInput], { nullable: true, description: `Replaces the secondary menu (at most ${NAVIGATION_MAX_ITEMS} entries).` })
  @ValidateIf(present) @IsArray() @ArrayMaxSize(NAVIGATION_MAX_ITEMS) @ValidateNested({ each: true }) @Type(() => NavigationItemInput)
  secondaryNavigation?: NavigationItemInput[];
}
