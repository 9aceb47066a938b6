import { canonicalLocale, canonicalTimezone, duplicateNetworks, isNavigationUrl, normalizeAccentColor, toStoredNavigation } from './site-settings';

describe('site settings rules', () => {
  it('canonicalises BCP 47 tags and refuses malformed ones', () => {
    expect(canonicalLocale('en-us')).toBe('en-US');
    expect(canonicalLocale('pt-BR')).toBe('pt-BR');
    expect(canonicalLocale('zh-Hant-TW')).toBe('zh-Hant-TW');
    expect(canonicalLocale('en_US')).toBeNull();
    expect(canonicalLocale('not a locale')).toBeNull();
    expect(canonicalLocale('')).toBeNull();
  });

  it('accepts IANA zones only, in their canonical spelling', () => {
    expect(canonicalTimezone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimezone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimezone('UTC')).toBe('UTC');
    expect(canonicalTimezone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimezone('+01:00')).toBeNull();
    expect(canonicalTimezone('')).toBeNull();
  });

  it('takes six-digit hex colours only, lower-cased', () => {
    expect(normalizeAccentColor('#FF8800')).toBe('#ff8800');
    expect(normalizeAccentColor('#f80')).toBeNull();
    expect(normalizeAccentColor('red')).toBeNull();
  });

  it('allows http(s) URLs, site paths and fragments in menus, nothing that runs script or leaves unannounced', () => {
    expect(isNavigationUrl('https://example.com/a')).toBe(true);
    expect(isNavigationUrl('/about')).toBe(true);
    expect(isNavigationUrl('#newsletter')).toBe(true);
    expect(isNavigationUrl('javascript:alert(1)')).toBe(false);
    expect(isNavigationUrl('//evil.example')).toBe(false);
    expect(isNavigationUrl('ftp://example.com')).toBe(false);
    expect(isNavigationUrl('/a b')).toBe(false);
  });

  it('needs exactly one of url and documentId per menu entry, and names the entry at fault', () => {
    const id = '5B0C0C0C-0000-4000-8000-000000000001';
    const { items, errors } = toStoredNavigation('primaryNavigation', [
      { label: ' Home ', url: '/' },
      { label: 'About', documentId: id },
      { label: 'Both', url: '/x', documentId: id },
      { label: 'Neither' },
      { label: '', url: 'javascript:x' },
    ]);
    expect(items).toEqual([{ label: 'Home', url: '/' }, { label: 'About', documentId: id.toLowerCase() }]);
    expect(errors.map((e) => e.field)).toEqual([
      'primaryNavigation[2]',
      'primaryNavigation[3]',
      'primaryNavigation[4].label',
      'primaryNavigation[4].url',
    ]);
  });

  it('finds networks listed twice', () => {
    expect(duplicateNetworks([{ network: 'x' }, { network: 'github' }, { network: 'x' }])).toEqual(['x']);
  });
});
