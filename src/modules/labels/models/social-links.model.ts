import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { SocialNetwork } from '../domain/social-links';

const DESCRIPTION = 'Social profiles, each the profile\'s https URL (handles given by editors are turned into URLs); null where unset.';

@ApiSchema({ name: 'SocialLinks', description: DESCRIPTION })
@ObjectType('SocialLinks', { description: DESCRIPTION })
export class SocialLinksModel implements Record<SocialNetwork, string | null> {
  @ApiProperty({ type: String, nullable: true, example: 'https://x.com/byline' }) @Field(() => String, { nullable: true })
  x: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://mastodon.social/@byline' }) @Field(() => String, { nullable: true })
  mastodon: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://bsky.app/profile/byline.bsky.social' }) @Field(() => String, { nullable: true })
  bluesky: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.threads.net/@byline' }) @Field(() => String, { nullable: true })
  threads: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://github.com/byline' }) @Field(() => String, { nullable: true })
  github: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.linkedin.com/in/byline' }) @Field(() => String, { nullable: true })
  linkedin: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.facebook.com/byline' }) @Field(() => String, { nullable: true })
  facebook: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.instagram.com/byline' }) @Field(() => String, { nullable: true })
  instagram: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://www.youtube.com/@byline' }) @Field(() => String, { nullable: true })
  youtube: string | null;
}
