import MarkdownIt from 'markdown-it';
import abbr from 'markdown-it-abbr';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import sub from 'markdown-it-sub';
import sup from 'markdown-it-sup';
import taskLists from 'markdown-it-task-lists';

type Token = MarkdownIt.Token;
type FigureMeta = { caption?: string };

/**
 * CommonMark + GFM tables, strikethrough, autolinks and task lists, plus the syntax long-form writers
 * reach for: definition lists (`Term` / `: description`), footnotes (`[^1]`), H~2~O, x^2^ and
 * abbreviations (`*[HTML]: HyperText Markup Language`). Raw HTML is allowed on purpose: authors paste
 * embeds and pull quotes, and everything is sanitized afterwards.
 */
const markdown = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
  .use(deflist)
  .use(footnote)
  .use(sub)
  .use(sup)
  .use(abbr)
  // Checkboxes stay disabled (the plugin's default): a reader cannot tick an article's list.
  .use(taskLists);
// GFM autolinks scheme URLs, emails and "www." hosts; linkify-it's fuzzy mode alone would also link "setup.py".
const AUTOLINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
markdown.linkify.set({ fuzzyLink: true });
const linkifyMatch = markdown.linkify.match.bind(markdown.linkify);
const isGfmAutolink = (link: { schema: string; raw: string }) =>
  AUTOLINK_SCHEMES.has(link.schema) || (link.schema === '' && /^www\./i.test(link.raw));
markdown.linkify.match = (text) => (linkifyMatch(text) ?? []).filter(isGfmAutolink);

markdown.core.ruler.after('inline', 'captioned_figures', markCaptionedFigures);

const renderImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  token.attrSet('loading', 'lazy');
  const img = renderImage(tokens, idx, options, env, self);
  const caption = (token.meta as FigureMeta | null)?.caption;
  return caption === undefined ? img : `${img}<figcaption>${markdown.utils.escapeHtml(caption)}</figcaption>`;
};
markdown.renderer.rules.figure_open = () => '<figure>';
markdown.renderer.rules.figure_close = () => '</figure>\n';

export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

/** A paragraph holding nothing but one titled image becomes a figure with the title as its caption. */
function markCaptionedFigures(state: MarkdownIt.StateCore): void {
  const { tokens } = state;
  for (let i = 1; i + 1 < tokens.length; i++) {
    // Hidden paragraphs belong to tight lists; turning those into figures would change the list.
    if (tokens[i - 1].type !== 'paragraph_open' || tokens[i - 1].hidden || tokens[i + 1].type !== 'paragraph_close') continue;
    const image = soleImage(tokens[i]);
    const title = String(image?.attrGet('title') ?? '').trim();
    if (!image || !title) continue;
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
    image.meta = { ...(image.meta as FigureMeta | null), caption: title } satisfies FigureMeta;
    retag(tokens[i - 1], 'figure_open');
    retag(tokens[i + 1], 'figure_close');
  }
}

function soleImage(token: Token): Token | undefined {
  if (token.type !== 'inline' || !token.children) return undefined;
  const meaningful = token.children.filter((child) => !(child.type === 'text' && child.content.trim() === ''));
  return meaningful.length === 1 && meaningful[0].type === 'image' ? meaningful[0] : undefined;
}

function retag(token: Token, type: 'figure_open' | 'figure_close'): void {
  token.type = type;
  token.tag = 'figure';
}
