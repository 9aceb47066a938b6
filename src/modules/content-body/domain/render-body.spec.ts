import { renderBody } from './render-body';

const markdown = (source: string, customExcerpt?: string | null) =>
  renderBody({ format: 'markdown', source }, { wordsPerMinute: 200, customExcerpt });
const html = (source: string) => renderBody({ format: 'html', source }, { wordsPerMinute: 200 });

describe('renderBody headings', () => {
  it('gives headings slug ids, deduplicated in document order', () => {
    const body = markdown('# Title\n\n## Intro\n\ntext\n\n## Intro\n\n### Intro\n\n## Ünïcödé & Co.\n\n##### Deep');
    expect(body.html).toContain('<h1 id="title">Title</h1>');
    expect(body.html).toContain('<h2 id="intro">Intro</h2>');
    expect(body.html).toContain('<h2 id="intro-2">Intro</h2>');
    expect(body.html).toContain('<h3 id="intro-3">Intro</h3>');
    expect(body.html).toContain('<h2 id="unicode-co">Ünïcödé &amp; Co.</h2>');
  });

  it('builds a toc of h2 to h4 with decoded text and the same ids as the html', () => {
    const body = markdown('# Title\n\n## Q&amp;A *time*\n\n### Why?\n\n#### How\n\n##### Skipped\n\n## ???');
    expect(body.toc).toEqual([
      { id: 'q-a-time', text: 'Q&A time', level: 2 },
      { id: 'why', text: 'Why?', level: 3 },
      { id: 'how', text: 'How', level: 4 },
      { id: 'section', text: '???', level: 2 },
    ]);
    for (const { id } of body.toc) expect(body.html).toContain(` id="${id}"`);
  });

  it('re-slugs explicit ids from HTML input and keeps them unique', () => {
    const body = html('<h2 id="Custom Anchor!">One</h2><h2 id="custom-anchor">Two</h2><h3 id="<script>">Three</h3>');
    expect(body.toc).toEqual([
      { id: 'custom-anchor', text: 'One', level: 2 },
      { id: 'custom-anchor-2', text: 'Two', level: 2 },
      { id: 'script', text: 'Three', level: 3 },
    ]);
  });
});

describe('renderBody markup', () => {
  it('turns a titled image alone in a paragraph into a figure with a caption', () => {
    const body = markdown('Before.\n\n![A cat](https://images.example.com/cat.jpg "A cat on a mat")\n\nAfter.');
    expect(body.html).toContain(
      '<figure><img src="https://images.example.com/cat.jpg" alt="A cat" loading="lazy" />' +
        '<figcaption>A cat on a mat</figcaption></figure>',
    );
    expect(body.html).not.toMatch(/<p>\s*<figure/);
  });

  it('leaves untitled or inline images in their paragraph', () => {
    expect(markdown('![A](/a.jpg)').html).toBe('<p><img src="/a.jpg" alt="A" loading="lazy" /></p>\n');
    expect(markdown('See ![A](/a.jpg "T") here').html).toBe(
      '<p>See <img src="/a.jpg" alt="A" title="T" loading="lazy" /> here</p>\n',
    );
  });

  it('keeps figures written in HTML', () => {
    const source = '<figure><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>';
    expect(html(source).html).toBe('<figure><img src="/a.jpg" alt="A" /><figcaption>Cap</figcaption></figure>');
  });

  it('renders blockquotes and keeps a pull quote class', () => {
    expect(markdown('> Quote me.').html).toBe('<blockquote>\n<p>Quote me.</p>\n</blockquote>\n');
    expect(html('<blockquote class="pullquote">Q</blockquote>').html).toBe('<blockquote class="pullquote">Q</blockquote>');
  });

  it('renders bullet lists', () => {
    expect(markdown('- one\n- two').html).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });

  it('renders GFM tables, strikethrough and autolinks', () => {
    const body = markdown('| Name | Qty |\n|:-----|----:|\n| Pen  | 2   |\n\n~~old~~ www.example.com <https://a.example>');
    expect(body.html).toContain('<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Qty</th>');
    expect(body.html).toContain('<td>Pen</td>\n<td>2</td>');
    expect(body.html).toContain('<s>old</s> <a href="http://www.example.com">www.example.com</a> <a href="https://a.example">');
  });

  it('renders fenced code with its language class', () => {
    const expected = '<pre><code class="language-ts">const a = 1 &lt; 2;\n</code></pre>\n';
    expect(markdown('```ts\nconst a = 1 < 2;\n```').html).toBe(expected);
  });

  const hostile = 'Hi <script>alert(1)</script><img src="/x.png" onerror="alert(1)"> <a href="javascript:alert(1)">x</a>';
  it.each([
    ['markdown', `${hostile} [y](javascript:alert(1))`],
    ['html', `<p>${hostile}</p>`],
  ] as const)('strips scripts, event handlers and javascript: URLs from %s', (format, source) => {
    const { html: out } = renderBody({ format, source }, { wordsPerMinute: 200 });
    expect(out).not.toMatch(/<script|onerror|javascript:alert\(1\)"/i);
    expect(out).toContain('<img src="/x.png"');
    expect(out).toContain('<a>x</a>');
  });
});
