import { mergeSocialLinks, normalizeSocialLink, socialLinksOutput } from './social-links';

describe('social links', () => {
  it.each([
    ['x', '@byline_cms', 'https://x.com/byline_cms'],
    ['x', 'https://twitter.com/byline_cms', 'https://twitter.com/byline_cms'],
    ['mastodon', '@ada@hachyderm.io', 'https://hachyderm.io/@ada'],
    ['mastodon', 'https://fosstodon.org/@ada', 'https://fosstodon.org/@ada'],
    ['bluesky', '@ada.bsky.social', 'https://bsky.app/profile/ada.bsky.social'],
    ['github', 'byline', 'https://github.com/byline'],
    ['linkedin', 'ada-lovelace', 'https://www.linkedin.com/in/ada-lovelace'],
    ['instagram', 'http://www.instagram.com/ada', 'https://www.instagram.com/ada'],
    ['youtube', '@ada', 'https://www.youtube.com/@ada'],
  ] as const)('turns %s %s into %s', (network, input, url) => {
    expect(normalizeSocialLink(network, input)).toBe(url);
  });

  it.each([
    ['x', 'https://facebook.com/ada'],
    ['x', 'way_too_long_for_a_handle'],
    ['github', 'https://github.com/'],
    ['youtube', 'ada'],
    ['mastodon', 'javascript:alert(1)'],
    ['bluesky', 'ftp://bsky.app/profile/ada'],
    ['facebook', 'https://user:pw@facebook.com/ada'],
    ['linkedin', 'not a handle'],
  ] as const)('refuses %s %s', (network, input) => {
    expect(normalizeSocialLink(network, input)).toBeNull();
  });

  it('sets, keeps and removes networks on an edit', () => {
    const merged = mergeSocialLinks({ x: 'https://x.com/a', github: 'https://github.com/a' }, { x: null, bluesky: 'a.bsky.social' });
    expect(merged).toEqual({ github: 'https://github.com/a', bluesky: 'https://bsky.app/profile/a.bsky.social' });
    expect(socialLinksOutput(merged)).toMatchObject({ x: null, github: 'https://github.com/a', youtube: null });
  });
});
