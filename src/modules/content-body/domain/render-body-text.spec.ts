import { renderBody } from './render-body';

type Options = { customExcerpt?: string | null; format?: 'markdown' | 'html' };
const render = (source: string, { customExcerpt, format = 'markdown' }: Options = {}) =>
  renderBody({ format, source }, { wordsPerMinute: 200, customExcerpt });
const words = (n: number, prefix = 'w') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');

describe('renderBody plaintext', () => {
  it('separates blocks by blank lines and list items by single newlines, with entities decoded', () => {
    const source = ['## Heading', 'First   *para*\ngraph &amp; more.', '- one\n- two', '> Quote', '```\ncode  kept\n  as is\n```'];
    const body = render(source.join('\n\n'));
    expect(body.plaintext).toBe('Heading\n\nFirst para graph & more.\n\none\ntwo\n\nQuote\n\ncode  kept\n  as is');
  });

  it('includes figure captions and table cells, and turns <br> into a line break', () => {
    const body = render(
      '<p>a<br>b</p><figure><img src="/a.jpg" alt="ignored"><figcaption>The caption</figcaption></figure>' +
        '<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>',
      { format: 'html' },
    );
    expect(body.plaintext).toBe('a\nb\n\nThe caption\n\nk v\n1 2');
  });
});

describe('renderBody counts', () => {
  it('counts body words without figure captions or image alt text', () => {
    const body = render('## Two words\n\nThree more words.\n\n![alt text here](/a.jpg "A four word caption")');
    expect(body.wordCount).toBe(5);
    expect(body.plaintext).toContain('A four word caption');
  });

  it('counts images in the sanitized html only', () => {
    const body = render('<img src="/a.jpg"><img src="javascript:x"><script><img src="/b.jpg"></script>', { format: 'html' });
    expect(body.imageCount).toBe(2);
  });

  it('computes reading time from words and images at the given pace', () => {
    const body = render(`${words(400)}\n\n![a](/a.jpg)\n\n![b](/b.jpg)`);
    expect(body.wordCount).toBe(400);
    expect(body.readingTime).toEqual({ seconds: 120 + 12 + 11, minutes: 2 });
    expect(render('').readingTime).toEqual({ seconds: 0, minutes: 1 });
  });
});

describe('renderBody excerpt', () => {
  it('starts with the first paragraph, skipping headings, captions and code', () => {
    const body = render('# Title\n\n![a](/a.jpg "Caption")\n\n```\ncode\n```\n\nFirst paragraph.\n\n## Next\n\nSecond one.');
    expect(body.excerpt).toBe('First paragraph. Second one.');
  });

  it('cuts after 50 words at a word boundary and adds an ellipsis only when it cut', () => {
    const long = render(`${words(30, 'a')}\n\n${words(30, 'b')}`);
    expect(long.excerpt).toBe(`${words(30, 'a')} ${words(20, 'b')}…`);
    const exact = render(words(50));
    expect(exact.excerpt).toBe(words(50));
  });

  it('uses a trimmed custom excerpt when one is given', () => {
    expect(render(words(80), { customExcerpt: '  My summary. ' }).excerpt).toBe('My summary.');
    expect(render('Body text.', { customExcerpt: '   ' }).excerpt).toBe('Body text.');
  });

  it('falls back to the plaintext when there is no prose', () => {
    expect(render('## Only a heading').excerpt).toBe('Only a heading');
  });
});
