import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { hostileHtml, hostileMarkdown } from './__fixtures__/hostile-html.arbitraries';
import { renderBody } from './render-body';
import { DEFAULT_EMBED_HOSTS, sanitizeHtml } from './sanitize';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };
const ALLOWED_ATTRIBUTES = new Set([
  ...['id', 'class', 'href', 'title', 'rel', 'target', 'src', 'alt', 'width', 'height', 'loading'],
  ...['start', 'colspan', 'rowspan', 'scope'],
  ...['type', 'checked', 'disabled', 'open', 'allowfullscreen', 'sandbox', 'referrerpolicy'],
]);
// Attributes that only one element may carry, so e.g. `sandbox` on a div or `checked` on a link fails.
const ATTRIBUTE_OWNERS: Record<string, string[]> = {
  type: ['input'],
  checked: ['input'],
  disabled: ['input'],
  open: ['details'],
  allowfullscreen: ['iframe'],
  sandbox: ['iframe'],
  referrerpolicy: ['iframe'],
  loading: ['img', 'iframe'],
};
const URL_ATTRIBUTES = new Set(['href', 'src']);
// What a browser ignores before the scheme: whitespace and control characters anywhere in it.
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;
const HEADING_OR_FOOTNOTE_ID = { heading: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, footnote: /^fn(?:ref)?\d+(?::\d+)?$/ };

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const anyHtml = fc.oneof(anyString, hostileHtml);

function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('script tag');
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'input' && (attribs.type !== 'checkbox' || attribs.disabled !== '')) problems.push(`enabled input`);
      if (name === 'iframe') problems.push(...unsafeEmbed(attribs));
      if (attribs.id !== undefined) {
        const heading = /^h[1-6]$/.test(name);
        const valid = heading ? HEADING_OR_FOOTNOTE_ID.heading.test(attribs.id) : ['li', 'a'].includes(name) && HEADING_OR_FOOTNOTE_ID.footnote.test(attribs.id);
        if (!valid) problems.push(`${name}[id]=${attribs.id}`);
      }
      for (const [attribute, value] of Object.entries(attribs)) {
        if (attribute.startsWith('on') || !ALLOWED_ATTRIBUTES.has(attribute)) problems.push(`${name}[${attribute}]`);
        if (ATTRIBUTE_OWNERS[attribute] && !ATTRIBUTE_OWNERS[attribute].includes(name)) problems.push(`${name}[${attribute}]`);
        const compact = value.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, '');
        const unsafeUrl = UNSAFE_SCHEME.test(compact) || compact.startsWith('//') || /script:/i.test(compact);
        if (URL_ATTRIBUTES.has(attribute) && unsafeUrl) problems.push(`${name}[${attribute}]=${value}`);
        // Elsewhere (title, alt) "javascript:" is inert text; still, it must not look like a URL.
        if (UNSAFE_SCHEME.test(compact) && !URL_ATTRIBUTES.has(attribute) && attribute !== 'title' && attribute !== 'alt') {
          problems.push(`${name}[${attribute}]=${value}`);
        }
      }
    },
  });
  parser.end(html);
  return problems;
}

function unsafeEmbed(attribs: Record<string, string>): string[] {
  const src = attribs.src ?? '';
  const url = URL.canParse(src) ? new URL(src) : undefined;
  const trusted = url?.protocol === 'https:' && url.username === '' && DEFAULT_EMBED_HOSTS.includes(url.hostname);
  const contained = attribs.loading === 'lazy' && attribs.sandbox !== undefined && !/allow-top-navigation/.test(attribs.sandbox);
  return trusted && contained && attribs.referrerpolicy !== undefined ? [] : [`iframe ${JSON.stringify(attribs)}`];
}

describe('sanitizeHtml properties', () => {
  it('is idempotent for any string', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        const once = sanitizeHtml(input);
        expect(sanitizeHtml(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('never lets through script tags, event handlers or unsafe URLs', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        expect(unsafeParts(sanitizeHtml(input))).toEqual([]);
      }),
      RUNS,
    );
  });
});

// Words in block elements (and around void breaks) nested at random: none may touch its neighbour.
const BLOCK_TAGS = [
  ...['p', 'blockquote', 'pre', 'figure', 'figcaption', 'ul', 'ol', 'li', 'table', 'caption', 'tr', 'th', 'td'],
  ...['dl', 'dt', 'dd', 'details', 'summary', 'section', 'h2', 'h3', 'h5'],
];
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const { block } = fc.letrec<{ block: string[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...BLOCK_TAGS), word).map(([tag, w]) => [`<${tag}>`, w, `</${tag}>`]),
    fc.tuple(fc.constantFrom(...BLOCK_TAGS), fc.array(tie('block'), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '<br>', '<hr>')).map(
      ([tag, children, separator]) => [`<${tag}>`, ...children.flatMap((child, i) => (i === 0 ? child : [separator, ...child])), `</${tag}>`],
    ),
  ),
}));
const wordsOf = (parts: string[]) => parts.filter((part) => part !== '' && !part.startsWith('<'));

describe('renderBody properties', () => {
  const options = { wordsPerMinute: 200 };

  it('keeps a break between block elements so that no two words merge in plaintext', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const parts = blocks.flat();
        const { plaintext } = renderBody({ format: 'html', source: parts.join('') }, options);
        expect(plaintext.split(/\s+/).filter(Boolean)).toEqual(wordsOf(parts));
      }),
      RUNS,
    );
  });

  it('renders Markdown to HTML that sanitizing leaves unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, hostileMarkdown), (source) => {
        const { html } = renderBody({ format: 'markdown', source }, options);
        expect(sanitizeHtml(html)).toBe(html);
        expect(unsafeParts(html)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('renders HTML to HTML that sanitizing leaves unchanged', () => {
    fc.assert(
      fc.property(anyHtml, (source) => {
        const { html } = renderBody({ format: 'html', source }, options);
        expect(sanitizeHtml(html)).toBe(html);
      }),
      RUNS,
    );
  });

  it('gives every toc entry a unique, valid id that the HTML carries', () => {
    fc.assert(
      fc.property(hostileMarkdown, (source) => {
        const { html, toc } = renderBody({ format: 'markdown', source }, options);
        const ids = toc.map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
          expect(html).toContain(` id="${id}"`);
        }
      }),
      RUNS,
    );
  });
});
