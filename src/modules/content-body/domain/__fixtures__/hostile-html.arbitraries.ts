import fc from 'fast-check';

const DANGEROUS_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&#x3A;alert(1)',
  '\u0001javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example.com/',
  'https://ok.example.com/a?b=1&c=<2>',
  '/relative',
];

/** Embeds the default allow-list accepts, and look-alikes it must refuse. */
export const EMBED_HOSTS = ['https://www.youtube.com/embed/a', 'https://player.vimeo.com/video/1', 'https://www.youtube.com.evil.test/x'];

const FRAGMENTS = [
  '<script>alert(1)</script>', '<script', '</script>', '<SCRIPT SRC=//x.test/a.js>', '<style>*{}</style>', '<textarea>',
  '<xmp>', '<noscript>', '<template>', '<iframe src="javascript:alert(1)">', '<svg onload=alert(1)>', '<math>',
  '<img src=x onerror=alert(1)>', '<img src="data:image/png;base64,AA">', '<a href="javascript:alert(1)">', '</a>',
  '<p>', '</p>', '<h2 id="Dup Id">', '</h2>', '<h3>', '<figure>', '<figcaption>', '<blockquote class="pullquote">',
  '<pre><code class="language-ts">', '<table><tr><td>', '<ul><li>', '<br>', '<br/>', '<hr/>', '<b', '</', '<', '>',
  '<!--', '-->', '<![CDATA[x]]>', '<!DOCTYPE html>', '<?xml ?>', '&', '&amp;', '&amp;amp;', '&lt;script&gt;', '&#0;',
  '&#xD800;', '&#x110000;', '&nbsp;', '&notin', '&#x3C;', '"', "'", '`', '=', ' onclick=alert(1) ', 'javascript:', '\u0000',
  '\r\n', '\t', '\u2028', 'é', '😀',
  '<dl><dt>Term</dt><dd>Description</dd></dl>', '<dt>', '<dd>', '</dl>', '<details open>', '<summary>', '<abbr title="x">',
  '<input type="checkbox" checked>', '<input type=text onfocus=alert(1) autofocus>', '<input class="task-list-item-checkbox" disabled>',
  '<li id="fn1" class="footnote-item">', '<a id="fnref1" href="#fn1">', '<li id="javascript:alert(1)">', '<section class="footnotes">',
  ...EMBED_HOSTS.map((src) => `<iframe src="${src}" sandbox="allow-top-navigation" loading=eager allowfullscreen>`),
  '<iframe srcdoc="<script>alert(1)</script>">', '</iframe>',
];

const TAGS = [
  ...['a', 'img', 'p', 'h2', 'div', 'span', 'script', 'blockquote', 'code', 'td', 'ol', 'svg', 'object'],
  ...['iframe', 'input', 'li', 'dl', 'dt', 'dd', 'details', 'abbr', 'sup', 'section'],
];
const ATTRIBUTES = [
  ...['href', 'src', 'onerror', 'onclick', 'OnLoad', 'id', 'class', 'title', 'style'],
  ...['target', 'rel', 'loading', 'width', 'start', 'xlink:href', 'formaction'],
  ...['type', 'checked', 'disabled', 'open', 'sandbox', 'allowfullscreen', 'referrerpolicy', 'srcdoc', 'allow'],
];
const QUOTES = ['"', "'", ''];

const attributeValue = fc.oneof(
  fc.constantFrom(...DANGEROUS_URLS, ...EMBED_HOSTS),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...FRAGMENTS),
);

const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), attributeValue, fc.constantFrom(...QUOTES))
  .map(([name, value, quote]) => ` ${name}=${quote}${value}${quote}`);

const openTag = fc
  .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 4 }), fc.boolean())
  .map(([tag, attributes, selfClosing]) => `<${tag}${attributes.join('')}${selfClosing ? ' /' : ''}>`);

const closeTag = fc.constantFrom(...TAGS).map((tag) => `</${tag}>`);

/** HTML-ish soup: real and broken tags, hostile URLs and handlers, entities and plain noise. */
export const hostileHtml = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: openTag },
      { weight: 2, arbitrary: closeTag },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const MARKDOWN_FRAGMENTS = [
  '\n\n', '\n', '## ', '# ', '#### ', '> ', '- ', '1. ', '```js\n', '\n```\n', '    ', '**', '_', '~~', '`',
  '|a|b|\n|-|-|\n|1|2|\n',
  'Term\n: Description\n', '[^1]', '[^1]: Note\n', '- [x] ', '- [ ] ', '~x~', '^y^', '*[HTML]: Markup\n', 'HTML',
  '![alt](https://x.test/a.jpg "Caption")', '![a](javascript:alert(1) "t")', '[l](javascript:alert(1))', '<https://x.test>',
  'www.example.com', 'mail@example.com', '[ref]: /x "t"', '\\', '***', '---',
];

/** Markdown-ish soup mixing block syntax, inline syntax and the hostile HTML above. */
export const hostileMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN_FRAGMENTS), fc.string({ maxLength: 10 }), hostileHtml), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));
