import { Field, InputType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { normalizeSocialLink, SOCIAL_LINK_MAX, SocialNetwork, socialLinkHint } from '../domain/social-links';

/** A profile URL on `network`, or a handle it can be turned into (see domain/social-links). */
function IsSocialLink(network: SocialNetwork): PropertyDecorator {
  return ValidateBy({
    name: 'isSocialLink',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && normalizeSocialLink(network, value) !== null,
      defaultMessage: () => `${network} must be ${socialLinkHint(network)}`,
    },
  });
}

/** One decorated field per network: optional, null removes the link. */
function Link(network: SocialNetwork, example: string): PropertyDecorator {
  const description = `${socialLinkHint(network)[0].toUpperCase()}${socialLinkHint(network).slice(1)}; null removes it.`;
  const decorators = [
    ApiPropertyOptional({ type: String, nullable: true, maxLength: SOCIAL_LINK_MAX, example, description }),
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsSocialLink(network),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * Social links to set. Networks left out stay as they are, null removes one; each value is a profile
 * URL on that network or a handle, stored and returned as the profile's https URL.
 */
@InputType('SocialLinksInput')
export class SocialLinksInput implements Partial<Record<SocialNetwork, string | null>> {
  @Link('x', '@byline') x?: string | null;
  @Link('mastodon', '@byline@mastodon.social') mastodon?: string | null;
  @Link('bluesky', 'byline.bsky.social') bluesky?: string | null;
  @Link('threads', '@byline') threads?: string | null;
  @Link('github', 'byline') github?: string | null;
  @Link('linkedin', 'https://www.linkedin.com/company/byline') linkedin?: string | null;
  @Link('facebook', 'https://www.facebook.com/byline') facebook?: string | null;
  @Link('instagram', '@byline') instagram?: string | null;
  @Link('youtube', '@byline') youtube?: string | null;
}
