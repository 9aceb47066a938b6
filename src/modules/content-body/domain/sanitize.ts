import sanitize from 'sanitize-html';
import { toSlug } from './slug';

type Attributes = sanitize.Attributes;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const INTEGER = /^\d{1,6}$/;
const CSS_CLASS = /^[a-z][a-z0-9_-]{0,39}$/;
// Anywhere in a URL, not just as its scheme: relative URLs get pasted into redirects and other contexts.
const SCRIPT_URL = /(?:java|vb)script:/i;
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const LINK_TYPES = new Set([
  ...['nofollow', 'noopener', 'noreferrer', 'ugc', 'sponsored', 'external'],
  ...['me', 'author', 'license', 'tag', 'bookmark', 'help', 'next', 'prev'],
]);
const SPANS = ['colspan', 'rowspan'];
const SCOPES = ['row', 'col', 'rowgroup', 'colgroup'];
const LANGUAGE_CLASS = /^language-[a-z0-9_+#.-]{1,40}$/i;

const headingTransform = (tagName: string, attribs: Attributes) => ({ tagName, attribs: withSlugId(attribs) });

const ALLOWED_TAGS = new Set([
  ...HEADINGS,
  ...['p', 'br', 'hr', 'blockquote', 'figure', 'figcaption', 'ul', 'ol', 'li', 'pre', 'code'],
  ...['a', 'img', 'em', 'strong', 'b', 'i', 'del', 's', 'sup', 'sub', 'kbd', 'mark'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
]);

/** Allow-list for blog articles: prose, lists, quotes, code, tables and images; nothing active. */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: {
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    blockquote: ['class'],
    pre: ['class'],
    code: ['class'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedClasses: { blockquote: [CSS_CLASS], pre: [LANGUAGE_CLASS], code: [LANGUAGE_CLASS] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these is never readable text, so it is dropped along with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'svg', 'math', 'title'],
  transformTags: {
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, headingTransform])),
    a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
    ol: (tagName, attribs) => ({ tagName, attribs: withIntegers(attribs, ['start']) }),
    th: (tagName, attribs) => ({ tagName, attribs: withKeyword(withIntegers(attribs, SPANS), 'scope', SCOPES) }),
    td: (tagName, attribs) => ({ tagName, attribs: withIntegers(attribs, SPANS) }),
  },
};

/**
 * Sanitizes untrusted article HTML. Idempotent: every transform maps its own output to itself, entities
 * are always decoded then re-encoded the same way, and nesting is settled (see below).
 */
export function sanitizeHtml(html: string): string {
  let dropped = false;
  const once = sanitize(html, { ...OPTIONS, onOpenTag: (name) => (dropped ||= !ALLOWED_TAGS.has(name)) });
  // Dropping a tag can leave markup the parser nests differently on the next read (`<p><span><p>`
  // becomes `<p><p>`); one more pass over output made only of allowed tags settles it.
  return dropped ? sanitize(once, OPTIONS) : once;
}

function withSlugId(attribs: Attributes): Attributes {
  const { id, ...rest } = attribs;
  const slug = id === undefined ? '' : toSlug(id);
  return slug === '' ? rest : { ...rest, id: slug };
}

function imageAttributes(attribs: Attributes): Attributes {
  return withKeyword(withIntegers(withoutScriptUrl(attribs, 'src'), ['width', 'height']), 'loading', ['lazy', 'eager']);
}

function withoutScriptUrl(attribs: Attributes, name: string): Attributes {
  const { [name]: url, ...rest } = attribs;
  return url === undefined || SCRIPT_URL.test(url.replace(INVISIBLE, '')) ? rest : attribs;
}

function linkAttributes(attribs: Attributes): Attributes {
  const { target, rel, ...rest } = withoutScriptUrl(attribs, 'href');
  const relTokens = (rel ?? '').toLowerCase().split(/\s+/).filter((token) => LINK_TYPES.has(token));
  const blank = target?.trim().toLowerCase() === '_blank';
  // A new tab must not get a handle on (or the URL of) the article that opened it.
  if (blank) for (const token of ['noopener', 'noreferrer']) if (!relTokens.includes(token)) relTokens.push(token);
  const result: Attributes = relTokens.length > 0 ? { ...rest, rel: [...new Set(relTokens)].join(' ') } : rest;
  return blank ? { ...result, target: '_blank' } : result;
}

function withIntegers(attribs: Attributes, names: string[]): Attributes {
  const result = { ...attribs };
  for (const name of names) {
    if (name in result && !INTEGER.test(result[name].trim())) delete result[name];
    else if (name in result) result[name] = result[name].trim();
  }
  return result;
}

// sanitize-html's `values` option leaves a bare attribute behind on a mismatch; dropping it is cleaner.
function withKeyword(attribs: Attributes, name: string, keywords: string[]): Attributes {
  const { [name]: value, ...rest } = attribs;
  const keyword = value?.trim().toLowerCase();
  return keyword !== undefined && keywords.includes(keyword) ? { ...rest, [name]: keyword } : rest;
}
