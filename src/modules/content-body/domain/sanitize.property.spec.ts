import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { hostileHtml, hostileMarkdown } from './__fixtures__/hostile-html.arbitraries';
import { renderBody } from './render-body';
import { sanitizeHtml } from './sanitize';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };
const ALLOWED_ATTRIBUTES = new Set([
  ...['id', 'class', 'href', 'title', 'rel', 'target', 'src', 'alt', 'width', 'height', 'loading'],
  ...['start', 'colspan', 'rowspan', 'scope'],
]);
const URL_ATTRIBUTES = new Set(['href', 'src']);
// What a browser ignores before the scheme: whitespace and control characters anywhere in it.
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
const anyHtml = fc.oneof(anyString, hostileHtml);

function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('script tag');
  const parser = new Parser({
    onopentag(name, attribs) {
      for (const [attribute, value] of Object.entries(attribs)) {
        if (attribute.startsWith('on') || !ALLOWED_ATTRIBUTES.has(attribute)) problems.push(`${name}[${attribute}]`);
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

describe('renderBody properties', () => {
  const options = { wordsPerMinute: 200 };

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
