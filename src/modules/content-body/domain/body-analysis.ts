import { Parser } from 'htmlparser2';
import type { TocEntry } from './body.types';
import { HeadingIds } from './heading-ids';
import { Gap, TextSink } from './text-sink';

const PARAGRAPH_BLOCKS = new Set([
  ...['p', 'blockquote', 'pre', 'figure', 'figcaption', 'ul', 'ol', 'table', 'caption', 'hr'],
  ...['dl', 'details', 'section', 'iframe'],
]);
// A term and its description each get a line of their own, as list items do.
const LINE_BLOCKS = new Set(['li', 'tr', 'br', 'dt', 'dd', 'summary']);
const CELLS = new Set(['th', 'td']);
const HEADING = /^h([1-6])$/;
const TOC_LEVELS = new Set([2, 3, 4]);

export interface BodyAnalysis {
  /** The input with a unique `id` on every heading. */
  html: string;
  toc: TocEntry[];
  plaintext: string;
  /** Plaintext without figure captions: what word count and reading time are about. */
  bodyText: string;
  /** Running prose only (no headings, captions, code or tables): what an excerpt is cut from. */
  proseText: string;
  imageCount: number;
}

interface HeadingTag {
  tag: string;
  level: number;
  /** Offsets of the opening tag in the sanitized html, end inclusive. */
  start: number;
  end: number;
}

interface OpenHeading extends HeadingTag {
  explicitId: string | undefined;
  chunks: string[];
}

interface Heading extends HeadingTag {
  id: string;
  text: string;
}

/**
 * One streaming pass over already sanitized HTML. Heading ids depend on the heading's text, which is only
 * known at its closing tag, so opening tags are rewritten afterwards by offset rather than re-serialized.
 */
export function analyzeSanitizedHtml(html: string): BodyAnalysis {
  const plain = new TextSink();
  const body = new TextSink();
  const prose = new TextSink();
  const openHeadings: OpenHeading[] = [];
  const headings: Heading[] = [];
  const ids = new HeadingIds();
  const depth = { caption: 0, pre: 0, table: 0 };
  let imageCount = 0;

  const separate = (name: string) => {
    const gap = gapAround(name);
    plain.separate(gap);
    body.separate(gap);
    prose.separate(gap);
  };
  const track = (name: string, delta: 1 | -1) => {
    if (name === 'figcaption') depth.caption += delta;
    else if (name === 'pre') depth.pre += delta;
    else if (name === 'table') depth.table += delta;
  };

  const parser = new Parser({
    onopentag(name, attribs) {
      separate(name);
      track(name, 1);
      if (name === 'img') imageCount++;
      if (name === 'br') for (const heading of openHeadings) heading.chunks.push(' ');
      const level = Number(HEADING.exec(name)?.[1] ?? 0);
      if (level > 0) {
        const { startIndex: start, endIndex: end } = parser;
        openHeadings.push({ tag: name, level, start, end, explicitId: attribs.id, chunks: [] });
      }
    },
    ontext(text) {
      for (const heading of openHeadings) heading.chunks.push(text);
      if (depth.pre > 0) {
        plain.preformatted(text);
        if (depth.caption === 0) body.preformatted(text);
        return;
      }
      plain.text(text);
      if (depth.caption === 0) body.text(text);
      if (depth.caption === 0 && depth.table === 0 && openHeadings.length === 0) prose.text(text);
    },
    onclosetag(name) {
      separate(name);
      track(name, -1);
      if (openHeadings.at(-1)?.tag !== name) return;
      const { tag, level, start, end, explicitId, chunks } = openHeadings.pop()!;
      const text = chunks.join('').replace(/\s+/g, ' ').trim();
      headings.push({ tag, level, start, end, text, id: ids.assign(explicitId, text) });
    },
  });
  parser.end(html);
  // Nested headings close inside out; the toc and the rewrite both want document order.
  headings.sort((a, b) => a.start - b.start);

  return {
    html: withHeadingIds(html, headings),
    toc: headings.filter((h) => TOC_LEVELS.has(h.level)).map(({ id, text, level }) => ({ id, text, level })),
    plaintext: plain.toString(),
    bodyText: body.toString(),
    proseText: prose.toString(),
    imageCount,
  };
}

function gapAround(name: string): Gap {
  if (PARAGRAPH_BLOCKS.has(name) || HEADING.test(name)) return Gap.Paragraph;
  if (LINE_BLOCKS.has(name)) return Gap.Line;
  return CELLS.has(name) ? Gap.Space : Gap.None;
}

function withHeadingIds(html: string, headings: Heading[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const heading of headings) {
    parts.push(html.slice(cursor, heading.start), `<${heading.tag} id="${heading.id}">`);
    cursor = heading.end + 1;
  }
  parts.push(html.slice(cursor));
  return parts.join('');
}
