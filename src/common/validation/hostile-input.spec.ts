import { findHostileInput, MAX_INPUT_DEPTH } from './hostile-input';

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

describe('findHostileInput', () => {
  it('accepts ordinary input, including paired surrogates (emoji) and other control characters', () => {
    expect(findHostileInput({ title: 'Hello 👋 world', tags: ['a', 'b'], seo: { title: 'tab\there' }, n: 3, ok: true, none: null })).toBeUndefined();
  });

  it.each([
    ['a NUL', { title: 'a\u0000b' }, 'title', /NUL/],
    ['a lone high surrogate', { tags: ['ok', 'x\ud800'] }, 'tags[1]', /surrogate/],
    ['a lone low surrogate at the start', { seo: { description: '\udc00y' } }, 'seo.description', /surrogate/],
    ['a high surrogate at the end', { seo: { title: 'abc\udbff' } }, 'seo.title', /surrogate/],
    ['reversed surrogates', { title: '\udc00\ud800' }, 'title', /surrogate/],
    ['a NUL in a key', { ['k\u0000']: 1 }, 'k\u0000', /key/],
  ])('names the field holding %s', (_case, value, field, message) => {
    expect(findHostileInput(value)).toEqual({ field, message: expect.stringMatching(message) });
  });

  it('prefixes the root name', () => {
    expect(findHostileInput({ title: '\u0000' }, 'input')?.field).toBe('input.title');
    expect(findHostileInput('\u0000', 'tag')?.field).toBe('tag');
  });

  it(`accepts ${MAX_INPUT_DEPTH} levels of nesting and refuses one more`, () => {
    expect(findHostileInput(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(findHostileInput(nested(MAX_INPUT_DEPTH + 1))?.message).toMatch(/deeper than/);
  });

  it('inspects 100,000 levels without overflowing the stack', () => {
    expect(findHostileInput(nested(100_000), '', 200_000)).toBeUndefined();
    expect(findHostileInput(nested(100_000))?.message).toMatch(/deeper than/);
  });
});
