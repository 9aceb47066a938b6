import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ImageModel } from '../../media/models/image.model';
import { SOCIAL_NETWORKS } from '../domain/site-settings';

@ApiSchema({ name: 'SocialAccount', description: 'The site on one social network.' })
@ObjectType('SocialAccount', { description: 'The site on one social network.' })
export class SocialAccountModel {
  @ApiProperty({ enum: SOCIAL_NETWORKS, example: 'mastodon' })
  @Field({ description: `One of ${SOCIAL_NETWORKS.join(', ')}.` })
  network: string;

  @ApiProperty({ example: 'https://mastodon.social/@byline' }) @Field({ description: 'Profile URL.' })
  url: string;

  @ApiProperty({ type: String, nullable: true, example: '@byline@mastodon.social' })
  @Field(() => String, { nullable: true, description: 'The handle as the network writes it.' })
  handle: string | null;
}

const NAV_ITEM_DESCRIPTION =
  'A menu entry: a label and a URL, either given as is or resolved from a linked document (its public URL).';

@ApiSchema({ name: 'NavigationItem', description: NAV_ITEM_DESCRIPTION })
@ObjectType('NavigationItem', { description: NAV_ITEM_DESCRIPTION })
export class NavigationItemModel {
  @ApiProperty({ example: 'About' }) @Field()
  label: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://blog.example/about/',
    description: 'Where the entry points. Public reads leave out entries whose document is not published; ' +
      'the editor view keeps them with `url: null`.',
  })
  @Field(() => String, { nullable: true, description: 'Where the entry points; null only in the editor view, for a linked document that is not published.' })
  url: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The linked document, when the entry links one.' })
  @Field(() => ID, { nullable: true, description: 'The linked document, when the entry links one.' })
  documentId: string | null;
}

const SETTINGS_DESCRIPTION = 'Site-wide settings and navigation: what a frontend needs to render the site around its content.';

@ApiSchema({ name: 'Settings', description: SETTINGS_DESCRIPTION })
@ObjectType('Settings', { description: SETTINGS_DESCRIPTION })
export class SettingsModel {
  @ApiProperty({ example: 'Byline', description: 'Site title (default SITE_TITLE).' })
  @Field({ description: 'Site title (default SITE_TITLE).' })
  title: string;

  @ApiProperty({ description: 'Site description (default SITE_DESCRIPTION; may be empty).' })
  @Field({ description: 'Site description (default SITE_DESCRIPTION; may be empty).' })
  description: string;

  @ApiProperty({ type: ImageModel, nullable: true, description: 'Logo, from the media library.' })
  @Field(() => ImageModel, { nullable: true, description: 'Logo, from the media library.' })
  logo: ImageModel | null;

  @ApiProperty({ type: ImageModel, nullable: true, description: 'Icon (favicon, app icon), from the media library.' })
  @Field(() => ImageModel, { nullable: true, description: 'Icon (favicon, app icon), from the media library.' })
  icon: ImageModel | null;

  @ApiProperty({ type: String, nullable: true, example: '#ff5a1f', description: 'Accent colour, `#rrggbb`.' })
  @Field(() => String, { nullable: true, description: 'Accent colour, `#rrggbb`.' })
  accentColor: string | null;

  @ApiProperty({ example: 'en-GB', description: 'BCP 47 language tag of the site (default SITE_LOCALE, else `en`).' })
  @Field({ description: 'BCP 47 language tag of the site (default SITE_LOCALE, else `en`).' })
  locale: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone of the site (default SITE_TIMEZONE, else `UTC`).' })
  @Field({ description: 'IANA time zone of the site (default SITE_TIMEZONE, else `UTC`).' })
  timezone: string;

  @ApiProperty({ type: [SocialAccountModel] }) @Field(() => [SocialAccountModel], { description: 'Social accounts, in the order given.' })
  social: SocialAccountModel[];

  @ApiProperty({ type: [NavigationItemModel] }) @Field(() => [NavigationItemModel], { description: 'Main menu, in order.' })
  primaryNavigation: NavigationItemModel[];

  @ApiProperty({ type: [NavigationItemModel] }) @Field(() => [NavigationItemModel], { description: 'Secondary menu (e.g. the footer), in order.' })
  secondaryNavigation: NavigationItemModel[];

  @ApiProperty({
    example: 'https://blog.example',
    description: 'The website that post URLs are built from (SITE_URL; read-only: it is deployment configuration, shared with feeds, sitemap and webhooks).',
  })
  @Field({ description: 'The website that post URLs are built from (SITE_URL; read-only, deployment configuration).' })
  siteUrl: string;

  @ApiProperty({ format: 'date-time', description: 'Last change by an editor (the migration time until then).' })
  @Field({ description: 'Last change by an editor (the migration time until then).' })
  updatedAt: string;
}

@ApiSchema({ name: 'AdminSettings', description: 'The settings as editors see them: every menu entry, and the ETag to update with.' })
@ObjectType('AdminSettings', { description: 'The settings as editors see them: every menu entry, and the ETag to update with.' })
export class AdminSettingsModel extends SettingsModel {
  @ApiProperty({ example: '"settings:1764000000000"', description: 'Pass as If-Match (REST) or ifMatch (GraphQL) to update.' })
  @Field({ description: 'Current ETag; pass it as `ifMatch` to updateSettings.' })
  etag: string;
}
