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
// Anchors written by markdown-it-footnote: fn1, fnref1, fnref1:2 (a second reference to the same note).
const FOOTNOTE_ID = /^fn(?:ref)?\d{1,5}(?::\d{1,5})?$/;
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
const EMBED_REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Video and audio players an article may embed unless EMBED_HOSTS says otherwise. */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  ...['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'],
  ...['w.soundcloud.com', 'open.spotify.com', 'embed.music.apple.com'],
];

export interface SanitizeOptions {
  /** Hostnames whose https:// pages may be embedded in an iframe; an iframe from anywhere else is dropped. */
  embedHosts?: readonly string[];
}

const headingTransform = (tagName: string, attribs: Attributes) => ({ tagName, attribs: withSlugId(attribs) });

const ALLOWED_TAGS = new Set([
  ...HEADINGS,
  ...['p', 'br', 'hr', 'blockquote', 'figure', 'figcaption', 'ul', 'ol', 'li', 'pre', 'code'],
  ...['a', 'img', 'em', 'strong', 'b', 'i', 'del', 's', 'sup', 'sub', 'kbd', 'mark', 'cite', 'abbr'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['dl', 'dt', 'dd', 'details', 'summary', 'section', 'input', 'iframe'],
]);

/**
 * Allow-list for blog articles: prose, lists (definition and task lists too), quotes, code, tables,
 * footnotes, images, and player embeds from trusted hosts only. Nothing else active: a task-list
 * checkbox is always disabled, an embed always lazy, sandboxed and sent with a trimmed referrer.
 */
function buildOptions(embedHosts: ReadonlySet<string>): sanitize.IOptions {
  return {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: {
      ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
      a: ['href', 'title', 'rel', 'target', 'id', 'class'],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
      iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading', 'sandbox', 'referrerpolicy'],
      input: ['type', 'checked', 'disabled', 'class'],
      abbr: ['title'],
      details: ['open'],
      blockquote: ['class'],
      pre: ['class'],
      code: ['class'],
      ol: ['start', 'class'],
      ul: ['class'],
      li: ['id', 'class'],
      sup: ['class'],
      hr: ['class'],
      section: ['class'],
      th: ['colspan', 'rowspan', 'scope'],
      td: ['colspan', 'rowspan'],
    },
    // Class names that markdown-it-footnote and markdown-it-task-lists write, so sites can style them.
    allowedClasses: {
      blockquote: [CSS_CLASS],
      pre: [LANGUAGE_CLASS],
      code: [LANGUAGE_CLASS],
      a: ['footnote-backref'],
      sup: ['footnote-ref'],
      hr: ['footnotes-sep'],
      section: ['footnotes'],
      ol: ['footnotes-list'],
      ul: ['contains-task-list'],
      li: ['footnote-item', 'task-list-item'],
      input: ['task-list-item-checkbox'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Content of these is never readable text, so it is dropped along with the tag.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'object', 'template', 'svg', 'math', 'title'],
    transformTags: {
      ...Object.fromEntries(HEADINGS.map((tag) => [tag, headingTransform])),
      a: (tagName, attribs) => ({ tagName, attribs: withFootnoteId(linkAttributes(attribs)) }),
      li: (tagName, attribs) => ({ tagName, attribs: withFootnoteId(attribs) }),
      img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
      iframe: (tagName, attribs) => ({ tagName, attribs: embedAttributes(attribs, embedHosts) }),
      input: (tagName, attribs) => ({ tagName, attribs: checkboxAttributes(attribs) }),
      details: (tagName, attribs) => ({ tagName, attribs: booleanAttribute(attribs, 'open') }),
      ol: (tagName, attribs) => ({ tagName, attribs: withIntegers(attribs, ['start']) }),
      th: (tagName, attribs) => ({ tagName, attribs: withKeyword(withIntegers(attribs, SPANS), 'scope', SCOPES) }),
      td: (tagName, attribs) => ({ tagName, attribs: withIntegers(attribs, SPANS) }),
    },
    // An embed whose source is not on the allow-list goes entirely, fallback content included.
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
  };
}

interface Policy {
  options: sanitize.IOptions;
  embedHosts: ReadonlySet<string>;
}

// One policy per distinct host list (in practice: the configured one and the default).
const policies = new Map<string, Policy>();

function policyFor(embedHosts: readonly string[]): Policy {
  const key = embedHosts.join(',');
  let policy = policies.get(key);
  if (!policy) {
    const hosts = new Set(embedHosts.map((host) => host.toLowerCase()));
    policy = { options: buildOptions(hosts), embedHosts: hosts };
    policies.set(key, policy);
  }
  return policy;
}

/**
 * Sanitizes untrusted article HTML. Idempotent: every transform maps its own output to itself, entities
 * are always decoded then re-encoded the same way, and nesting is settled (see below).
 */
export function sanitizeHtml(html: string, { embedHosts = DEFAULT_EMBED_HOSTS }: SanitizeOptions = {}): string {
  const { options, embedHosts: hosts } = policyFor(embedHosts);
  let dropped = false;
  const isDropped = (name: string, attribs: Attributes) =>
    !ALLOWED_TAGS.has(name) || (name === 'iframe' && !isEmbeddable(attribs.src, hosts));
  const once = sanitize(html, { ...options, onOpenTag: (name, attribs) => (dropped ||= isDropped(name, attribs)) });
  // Dropping a tag can leave markup the parser nests differently on the next read (`<p><span><p>`
  // becomes `<p><p>`); one more pass over output made only of allowed tags settles it.
  return dropped ? sanitize(once, options) : once;
}

function withSlugId(attribs: Attributes): Attributes {
  const { id, ...rest } = attribs;
  const slug = id === undefined ? '' : toSlug(id);
  return slug === '' ? rest : { ...rest, id: slug };
}

function withFootnoteId(attribs: Attributes): Attributes {
  const { id, ...rest } = attribs;
  return id !== undefined && FOOTNOTE_ID.test(id) ? { ...rest, id } : rest;
}

function embedAttributes(attribs: Attributes, embedHosts: ReadonlySet<string>): Attributes {
  const { src, title, width, height, allowfullscreen } = attribs;
  if (!isEmbeddable(src, embedHosts)) return {};
  const kept: Attributes = { src: src.trim() };
  if (title !== undefined) kept.title = title;
  if (width !== undefined) kept.width = width;
  if (height !== undefined) kept.height = height;
  if (allowfullscreen !== undefined) kept.allowfullscreen = '';
  return {
    ...withIntegers(kept, ['width', 'height']),
    loading: 'lazy',
    sandbox: EMBED_SANDBOX,
    referrerpolicy: EMBED_REFERRER_POLICY,
  };
}

function isEmbeddable(src: string | undefined, embedHosts: ReadonlySet<string>): src is string {
  if (src === undefined || !URL.canParse(src.trim())) return false;
  const url = new URL(src.trim());
  return url.protocol === 'https:' && url.username === '' && url.password === '' && embedHosts.has(url.hostname);
}

function booleanAttribute(attribs: Attributes, name: string): Attributes {
  return attribs[name] === undefined ? {} : { [name]: '' };
}

// Checkboxes of task lists show state; a reader must not be able to tick them.
function checkboxAttributes(attribs: Attributes): Attributes {
  const result: Attributes = { type: 'checkbox', disabled: '' };
  if (attribs.class !== undefined) result.class = attribs.class;
  if (attribs.checked !== undefined) result.checked = '';
  return result;
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
