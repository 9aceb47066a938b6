import { sanitizeHtml } from './sanitize';

describe('sanitizeHtml', () => {
  it('removes scripts, styles and iframes with their content', () => {
    const html = '<p>a<script>alert(1)</script><style>p{}</style><iframe src="https://x.test">f</iframe>b</p>';
    expect(sanitizeHtml(html)).toBe('<p>ab</p>');
  });

  it('removes event handler attributes', () => {
    expect(sanitizeHtml('<img src="https://x.test/a.png" onerror="alert(1)" onload=alert(2)>')).toBe(
      '<img src="https://x.test/a.png" />',
    );
    expect(sanitizeHtml('<p onclick="x()">hi</p>')).toBe('<p>hi</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '//evil.example.com/x',
  ])('drops the unsafe href %j', (href) => {
    expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
  });

  it('drops data: and javascript: image sources', () => {
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA"><img src="javascript:x">')).toBe('<img /><img />');
  });

  const safeHrefs = [
    ...['https://example.com/a?b=1&c=2', 'http://example.com', 'mailto:me@example.com'],
    ...['/relative/path', '#anchor', 'page.html'],
  ];
  it.each(safeHrefs)('keeps the safe href %j', (href) => {
    expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe(`<a href="${href.replace(/&/g, '&amp;')}">x</a>`);
  });

  it('keeps article markup from the allow-list', () => {
    const html =
      '<figure><img src="/a.jpg" alt="A" width="640" height="480" loading="lazy" /><figcaption>Cap</figcaption></figure>' +
      '<blockquote class="pullquote"><p>Q</p></blockquote><pre><code class="language-ts">x</code></pre>' +
      '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<p><em>e</em><strong>s</strong><del>d</del><s>s</s><sup>1</sup><sub>2</sub><br /></p><hr /><ol start="3"><li>i</li></ol>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops attributes outside the allow-list or with invalid values', () => {
    expect(sanitizeHtml('<p class="x" style="color:red" id="p">t</p>')).toBe('<p>t</p>');
    expect(sanitizeHtml('<img src="/a.jpg" width="100%" loading="soon">')).toBe('<img src="/a.jpg" />');
    expect(sanitizeHtml('<code class="language-js evil">x</code>')).toBe('<code class="language-js">x</code>');
  });

  it('re-slugs heading ids and strips ids elsewhere', () => {
    expect(sanitizeHtml('<h2 id="My Section!">t</h2><p id="x">p</p><h3 id="???">u</h3>')).toBe(
      '<h2 id="my-section">t</h2><p>p</p><h3>u</h3>',
    );
  });

  it('protects links that open a new tab', () => {
    expect(sanitizeHtml('<a href="/x" target="_blank" rel="nofollow">x</a><a href="/y" target="frame">y</a>')).toBe(
      '<a href="/x" rel="nofollow noopener noreferrer" target="_blank">x</a><a href="/y">y</a>',
    );
  });

  it('encodes text so that entity-encoded markup stays text', () => {
    expect(sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 > 3 &quot;q&quot; &nbsp;</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3 "q" \u00a0</p>',
    );
  });

  it.each([
    '<p>unclosed <b>bold <i>both</p><ul><li>one<li>two</ul><a href="x">a <a href="y">b</a>&amp;amp;',
    '<p><span><p>x</p></span></p>',
    '<p><span><span><p>deep',
    '<ul><li><div><li>x</div></ul>',
    '<table><div><tr><td>a<span><td>b</table>',
    '</p></br><p>stray closers</div>',
    '<!--<script>alert(1)</script>--><![CDATA[<b>]]><!DOCTYPE html>',
    '&notin &notit; &#0; &#x110000; &#xD800; \ud800 &amp;lt;',
    '<h2 id="-">no id</h2><h2 id="Über Uns">id</h2>',
  ])('is idempotent on messy markup %#', (html) => {
    const once = sanitizeHtml(html);
    expect(sanitizeHtml(once)).toBe(once);
  });
});
