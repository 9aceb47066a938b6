import { resolveTagRefs, tagLookupSlugs } from './tag-refs';

const known = [
  { id: 't1', slug: 'writing', name: 'Writing' },
  { id: 't2', slug: 'long-form', name: 'Long-form' },
  { id: 't3', slug: 'ux', name: 'User Experience' },
];

describe('resolveTagRefs', () => {
  it('matches by slug, then by name (any case), then by the slug of the entry, keeping order', () => {
    const { refs } = resolveTagRefs(['long-form', 'user experience', 'Writing'], known);
    expect(refs).toEqual([
      { id: 't2', slug: 'long-form' },
      { id: 't3', slug: 'ux' },
      { id: 't1', slug: 'writing' },
    ]);
  });

  it('creates unknown names with a slug from the name', () => {
    const { refs } = resolveTagRefs(['Café Culture', 'writing'], known);
    expect(refs).toEqual([{ create: { slug: 'cafe-culture', name: 'Café Culture' } }, { id: 't1', slug: 'writing' }]);
  });

  it('keeps the first position of entries that resolve to the same tag', () => {
    const { refs } = resolveTagRefs(['New Tag', 'writing', 'new-tag', 'WRITING'], known);
    expect(refs.map((r) => ('create' in r ? r.create.slug : r.slug))).toEqual(['new-tag', 'writing']);
  });

  it('reports entries without letters or digits', () => {
    expect(resolveTagRefs(['!!!', 'writing'], known).invalid).toEqual(['!!!']);
  });

  it('looks up entries and their slugified forms', () => {
    expect(tagLookupSlugs(['Writing', 'ux'])).toEqual(['Writing', 'writing', 'ux']);
  });
});
