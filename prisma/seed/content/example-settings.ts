/**
 * Site settings of "The Byline Journal". Title, description, locale and time zone are left to the
 * configuration (SITE_TITLE, SITE_DESCRIPTION, SITE_LOCALE, SITE_TIMEZONE), so an operator's values hold;
 * the README suggests the Journal's.  Menu entries link a URL or, with `page`, the slug of a seeded
 * page (stored as a link to that document, so the menu follows its slug). `{api}` in a URL stands for
 * the API's public URL (API_URL, else SITE_URL), where the feeds are served.
 */
export type SeedNavigationItem = { label: string; url: string } | { label: string; page: string };

export interface SeedSettings {
  accentColor: string;
  social: Array<{ network: string; url: string; handle: string | null }>;
  primaryNavigation: SeedNavigationItem[];
  secondaryNavigation: SeedNavigationItem[];
}

export const seedSettings: SeedSettings = {
  accentColor: '#2f5d62',
  social: [
    { network: 'mastodon', url: 'https://social.example/@bylinejournal', handle: '@bylinejournal@social.example' },
    { network: 'bluesky', url: 'https://bsky.app/profile/journal.byline.example', handle: '@journal.byline.example' },
  ],
  primaryNavigation: [
    { label: 'Home', url: '/' },
    { label: 'Long-form', url: '/tag/long-form/' },
    { label: 'About', page: 'about' },
  ],
  secondaryNavigation: [
    { label: 'RSS', url: '{api}/api/feed.xml' },
    { label: 'JSON Feed', url: '{api}/api/feed.json' },
    { label: 'Sitemap', url: '{api}/api/sitemap.xml' },
  ],
};
