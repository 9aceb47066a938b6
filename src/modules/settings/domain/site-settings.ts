import type { FieldError } from '../../../common/errors/domain-error';

/** Networks a social account may name; a frontend maps each to its icon. */
export const SOCIAL_NETWORKS = [
  'bluesky', 'discord', 'facebook', 'github', 'instagram', 'linkedin', 'mastodon', 'pinterest',
  'reddit', 'threads', 'tiktok', 'twitch', 'x', 'youtube', 'other',
] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const NAVIGATION_MAX_ITEMS = 50;
export const SOCIAL_MAX_ACCOUNTS = 20;
export const NAV_LABEL_MAX = 100;
export const LINK_URL_MAX = 2000;

/** One stored menu entry: a URL, or a document whose public URL is resolved at read time. */
export type StoredNavigationItem = { label: string; url: string } | { label: string; documentId: string };

export interface StoredSocialAccount {
  network: SocialNetwork;
  url: string;
  handle: string | null;
}

/** The configured defaults (SITE_TITLE, SITE_DESCRIPTION, SITE_LOCALE, SITE_TIMEZONE) a NULL column stands for. */
export interface SettingsDefaults {
  title: string;
  description: string;
  locale: string;
  timezone: string;
}

/** The canonical form of a BCP 47 tag (`en-us` → `en-US`), or null when it is not one. */
export function canonicalLocale(value: string): string | null {
  if (value.length === 0 || value.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

// Zone names only (Area/Location, UTC): Node also accepts offsets such as "+01:00", which are not IANA zones.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The IANA time zone as the runtime spells it (`europe/berlin` → `Europe/Berlin`), or null when unknown. */
export function canonicalTimezone(value: string): string | null {
  if (value.length > 64 || !ZONE_NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** `#RRGGBB` in lower case, or null when the value is not a six-digit hex colour. */
export function normalizeAccentColor(value: string): string | null {
  return /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : null;
}

/**
 * Where a menu entry may point: an absolute http(s) URL, a path on the site (`/about`), or a fragment
 * (`#newsletter`). No `javascript:` and no protocol-relative `//host` (they would leave the site unannounced).
 */
export function isNavigationUrl(value: string): boolean {
  if (value.length === 0 || value.length > LINK_URL_MAX || /\s/.test(value)) return false;
  if (value.startsWith('#')) return true;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface NavigationItemRequest {
  label: string;
  url?: string | null;
  documentId?: string | null;
}

/** Checks a menu (each entry: a label and exactly one of url or documentId) and returns it as stored. */
export function toStoredNavigation(
  field: string,
  items: readonly NavigationItemRequest[],
): { items: StoredNavigationItem[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const stored: StoredNavigationItem[] = [];
  items.forEach((item, index) => {
    const at = `${field}[${index}]`;
    const label = item.label.trim();
    if (label.length === 0) errors.push({ field: `${at}.label`, message: 'must not be empty' });
    const hasUrl = item.url !== undefined && item.url !== null;
    const hasDocument = item.documentId !== undefined && item.documentId !== null;
    if (hasUrl === hasDocument) {
      errors.push({ field: at, message: 'give exactly one of "url" or "documentId"' });
    } else if (hasUrl) {
      if (!isNavigationUrl(item.url!)) {
        errors.push({ field: `${at}.url`, message: 'must be an http(s) URL, a path starting with "/" or a "#fragment"' });
      } else {
        stored.push({ label, url: item.url! });
      }
    } else {
      stored.push({ label, documentId: item.documentId!.toLowerCase() });
    }
  });
  return { items: stored, errors };
}

/** Duplicate networks are refused: a frontend shows one link per network. */
export function duplicateNetworks(accounts: readonly { network: string }[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { network } of accounts) (seen.has(network) ? duplicates : seen).add(network);
  return [...duplicates];
}
