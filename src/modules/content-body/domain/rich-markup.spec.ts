import { renderBody } from './render-body';
import { sanitizeHtml } from './sanitize';

const markdown = (source: string) => renderBody({ format: 'markdown', source }, { wordsPerMinute: 200 });
const html = (source: string, embedHosts?: readonly string[]) =>
  renderBody({ format: 'html', source }, { wordsPerMinute: 200, embedHosts });

describe('rich Markdown', () => {
  it('renders a definition list as dl/dt/dd, one line per term and description in plaintext', () => {
    const body = markdown('Lead Engineer\n: Writes the code.\n\nCTO\n: The most senior *technical* person.\n');
    expect(body.html).toBe(
      '<dl>\n<dt>Lead Engineer</dt>\n<dd>Writes the code.</dd>\n<dt>CTO</dt>\n<dd>The most senior <em>technical</em> person.</dd>\n</dl>\n',
    );
    expect(body.plaintext).toBe('Lead Engineer\nWrites the code.\nCTO\nThe most senior technical person.');
  });

  it('renders footnotes with their anchors and a footnotes section', () => {
    const body = markdown('A claim.[^src]\n\n[^src]: The source.\n');
    expect(body.html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>');
    expect(body.html).toContain('<section class="footnotes">');
    expect(body.html).toMatch(/<li class="footnote-item" id="fn1"><p>The source\. <a href="#fnref1" class="footnote-backref">/);
    expect(body.plaintext).toMatch(/^A claim\.\[1\]\n\nThe source\./);
  });

  it('renders task lists with disabled checkboxes', () => {
    const body = markdown('- [x] done\n- [ ] todo\n');
    expect(body.html).toBe(
      '<ul class="contains-task-list">\n' +
        '<li class="task-list-item"><input type="checkbox" disabled class="task-list-item-checkbox" checked /> done</li>\n' +
        '<li class="task-list-item"><input type="checkbox" disabled class="task-list-item-checkbox" /> todo</li>\n</ul>\n',
    );
    expect(body.plaintext).toBe('done\ntodo');
  });

  it('renders subscripts, superscripts and abbreviations', () => {
    const body = markdown('H~2~O, x^2^ and HTML.\n\n*[HTML]: HyperText Markup Language\n');
    expect(body.html).toBe('<p>H<sub>2</sub>O, x<sup>2</sup> and <abbr title="HyperText Markup Language">HTML</abbr>.</p>\n');
  });
});

describe('rich HTML', () => {
  it.each([
    ['<dl><dt>Term</dt><dd>Description</dd></dl>'],
    ['<p><cite>The Book</cite>, <abbr title="for example">e.g.</abbr> <kbd>Ctrl</kbd> <mark>hot</mark> x<sup>2</sup> H<sub>2</sub>O</p>'],
    ['<details open><summary>More</summary><p>Hidden text</p></details>'],
    ['<table><caption>C</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'],
  ])('keeps %s as written', (source) => {
    expect(html(source).html).toBe(source);
  });

  it('keeps no input but a disabled checkbox', () => {
    expect(sanitizeHtml('<input type="text" name="q" value="x" onfocus="alert(1)" checked>')).toBe('<input type="checkbox" disabled checked />');
    expect(sanitizeHtml('<input type="checkbox" class="evil task-list-item-checkbox">')).toBe(
      '<input type="checkbox" disabled class="task-list-item-checkbox" />',
    );
  });

  it('keeps only footnote-style ids on list items and links', () => {
    expect(sanitizeHtml('<ol><li id="fn2">a</li><li id="main">b</li></ol><a id="fnref2:1" href="#fn2">c</a><a id="x">d</a>')).toBe(
      '<ol><li id="fn2">a</li><li>b</li></ol><a href="#fn2" id="fnref2:1">c</a><a>d</a>',
    );
  });
});

describe('embeds', () => {
  const LAZY = 'loading="lazy" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="strict-origin-when-cross-origin"';

  it.each([
    'https://www.youtube.com/embed/abc123',
    'https://www.youtube-nocookie.com/embed/abc123',
    'https://player.vimeo.com/video/1',
  ])('keeps an iframe from %s, lazy and sandboxed', (src) => {
    const source = `<iframe src="${src}" width="560" height="315" title="A talk" allow="autoplay" allowfullscreen loading="eager" sandbox="allow-top-navigation" srcdoc="x" style="x">fallback</iframe>`;
    expect(sanitizeHtml(source)).toBe(`<iframe src="${src}" title="A talk" width="560" height="315" allowfullscreen ${LAZY}>fallback</iframe>`);
  });

  it.each([
    'https://evil.example.com/embed',
    'http://www.youtube.com/embed/abc',
    'https://www.youtube.com.evil.example/embed',
    'https://user@www.youtube.com/embed',
    'javascript:alert(1)',
    '//www.youtube.com/embed/abc',
    '/embed/abc',
  ])('drops an iframe from %s with its content', (src) => {
    expect(sanitizeHtml(`<p>a<iframe src="${src}">fallback</iframe>b</p>`)).toBe('<p>ab</p>');
  });

  it('drops an iframe without a source', () => {
    expect(sanitizeHtml('<p>a<iframe srcdoc="<script>alert(1)</script>">x</iframe>b</p>')).toBe('<p>ab</p>');
  });

  it('follows the configured host list', () => {
    const source = '<iframe src="https://embed.example.org/v/1"></iframe><iframe src="https://www.youtube.com/embed/a"></iframe>';
    expect(html(source, ['embed.example.org']).html).toBe(`<iframe src="https://embed.example.org/v/1" ${LAZY}></iframe>`);
    expect(html(source, []).html).toBe('');
  });

  it('keeps a break around an embed in plaintext', () => {
    expect(html('<p>before</p><iframe src="https://player.vimeo.com/video/1"></iframe><p>after</p>').plaintext).toBe('before\n\nafter');
  });
});
