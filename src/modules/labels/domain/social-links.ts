/**
 * Social profiles of a tag or author. Editors may give a profile URL or, where the network has one,
 * a handle; both are stored and returned as the profile's https URL, so a frontend only links.
 */
export const SOCIAL_NETWORKS = [
  'x', 'mastodon', 'bluesky', 'threads', 'github', 'linkedin', 'facebook', 'instagram', 'youtube',
] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/** As stored (jsonb): only the networks that are set. */
export type SocialLinks = Partial<Record<SocialNetwork, string>>;

export const SOCIAL_LINK_MAX = 2048;

interface NetworkRule {
  /** Hosts a profile URL may be on; null: any host (federated networks). */
  hosts: readonly string[] | null;
  /** A bare handle and the profile URL it stands for; absent where only URLs are accepted. */
  handle?: { pattern: RegExp; url: (match: RegExpExecArray) => string };
  /** What the editor should give, for the validation message. */
  hint: string;
}

const RULES: Record<SocialNetwork, NetworkRule> = {
  x: {
    hosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
    handle: { pattern: /^@?([A-Za-z0-9_]{1,15})$/, url: (m) => `https://x.com/${m[1]}` },
    hint: 'an x.com or twitter.com URL, or a handle like @byline',
  },
  mastodon: {
    hosts: null,
    handle: { pattern: /^@?([A-Za-z0-9_]{1,30})@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i, url: (m) => `https://${m[2].toLowerCase()}/@${m[1]}` },
    hint: 'a profile URL, or a handle like @byline@mastodon.social',
  },
  bluesky: {
    hosts: ['bsky.app'],
    handle: { pattern: /^@?((?:[a-z0-9-]+\.)+[a-z]{2,})$/i, url: (m) => `https://bsky.app/profile/${m[1].toLowerCase()}` },
    hint: 'a bsky.app URL, or a handle like @byline.bsky.social',
  },
  threads: {
    hosts: ['threads.net', 'threads.com'],
    handle: { pattern: /^@?([A-Za-z0-9._]{1,30})$/, url: (m) => `https://www.threads.net/@${m[1]}` },
    hint: 'a threads.net URL, or a handle like @byline',
  },
  github: {
    hosts: ['github.com'],
    handle: { pattern: /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/, url: (m) => `https://github.com/${m[1]}` },
    hint: 'a github.com URL, or a user or organisation name',
  },
  linkedin: {
    hosts: ['linkedin.com'],
    handle: { pattern: /^([A-Za-z0-9_-]{3,100})$/, url: (m) => `https://www.linkedin.com/in/${m[1]}` },
    hint: 'a linkedin.com URL, or a profile name',
  },
  facebook: {
    hosts: ['facebook.com', 'fb.com', 'm.facebook.com'],
    handle: { pattern: /^([A-Za-z0-9.]{5,50})$/, url: (m) => `https://www.facebook.com/${m[1]}` },
    hint: 'a facebook.com URL, or a page name',
  },
  instagram: {
    hosts: ['instagram.com'],
    handle: { pattern: /^@?([A-Za-z0-9._]{1,30})$/, url: (m) => `https://www.instagram.com/${m[1]}` },
    hint: 'an instagram.com URL, or a handle like @byline',
  },
  youtube: {
    hosts: ['youtube.com', 'm.youtube.com', 'youtu.be'],
    // Bare names are ambiguous on YouTube (channel, user, custom URL); only @handles are.
    handle: { pattern: /^@([A-Za-z0-9._-]{3,30})$/, url: (m) => `https://www.youtube.com/@${m[1]}` },
    hint: 'a youtube.com URL, or a handle like @byline',
  },
};

function hostAllowed(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return hosts.includes(host);
}

/** The profile URL for `value` on `network`, or null when it is neither a fitting URL nor a handle. */
export function normalizeSocialLink(network: SocialNetwork, value: string): string | null {
  const rule = RULES[network];
  const text = value.trim();
  if (!text || text.length > SOCIAL_LINK_MAX) return null;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return null;
    }
    if (url.username || url.password || !url.hostname.includes('.')) return null;
    if (rule.hosts && !hostAllowed(url.hostname, rule.hosts)) return null;
    // A profile is a path on the network, never its home page.
    if (url.pathname.replace(/\/+$/, '') === '') return null;
    url.protocol = 'https:';
    return url.toString();
  }
  const match = rule.handle?.pattern.exec(text);
  return match ? rule.handle!.url(match) : null;
}

export function socialLinkHint(network: SocialNetwork): string {
  return RULES[network].hint;
}

/**
 * Applies an edit to stored links: a network given a value is set (normalised), one given null is
 * removed, one left out stays. Values must have been validated (see normalizeSocialLink).
 */
export function mergeSocialLinks(current: SocialLinks, edit: Partial<Record<SocialNetwork, string | null>>): SocialLinks {
  const next: SocialLinks = { ...current };
  for (const network of SOCIAL_NETWORKS) {
    const value = edit[network];
    if (value === undefined) continue;
    const url = value === null ? null : normalizeSocialLink(network, value);
    if (url === null) delete next[network];
    else next[network] = url;
  }
  return next;
}

/** Every network as a key, null where unset: the output shape. */
export function socialLinksOutput(stored: SocialLinks | null | undefined): Record<SocialNetwork, string | null> {
  // A plain loop: this runs for every label embedded in every listed post (the public read hot path).
  const output = {} as Record<SocialNetwork, string | null>;
  for (const network of SOCIAL_NETWORKS) output[network] = stored?.[network] ?? null;
  return output;
}
