import { buildExcerpt, chooseExcerpt, countWords } from './excerpt';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Hello, world!', 2],
    ["Don't split contractions or long-form compounds", 6],
    ['Ends with a dash - and a quote \'here\'', 8],
    ['Numbers like 2024 and v2 count', 6],
    ['Crème brûlée, naïve café', 4],
    ['one\n\ntwo\nthree', 3],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe('buildExcerpt', () => {
  it('returns short text whole and without an ellipsis', () => {
    expect(buildExcerpt('A short  intro.\n\nSecond paragraph.')).toBe('A short intro. Second paragraph.');
  });

  it('keeps text of exactly the limit whole, trailing punctuation included', () => {
    expect(buildExcerpt(`${words(50)}.`)).toBe(`${words(50)}.`);
  });

  it('cuts after the 50th word and appends an ellipsis', () => {
    const excerpt = buildExcerpt(`${words(50)}, and more words follow`);
    expect(excerpt).toBe(`${words(50)}…`);
    expect(countWords(excerpt)).toBe(50);
  });

  it('never cuts inside a word', () => {
    const excerpt = buildExcerpt('alpha beta-gamma delta', 2);
    expect(excerpt).toBe('alpha beta-gamma…');
  });
});

describe('chooseExcerpt', () => {
  it('prefers a trimmed custom excerpt', () => {
    expect(chooseExcerpt('  Hand-written summary.  ', words(80), words(80))).toBe('Hand-written summary.');
  });

  it.each([null, undefined, '', '   '])('falls back to the prose when the custom excerpt is %p', (custom) => {
    expect(chooseExcerpt(custom, 'Prose text.', 'Heading\n\nProse text.')).toBe('Prose text.');
  });

  it('uses the plaintext when there is no prose at all', () => {
    expect(chooseExcerpt(null, '', 'Only a heading')).toBe('Only a heading');
  });
});
