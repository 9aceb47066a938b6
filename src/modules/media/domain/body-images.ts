import { Parser } from 'htmlparser2';
import type { Image } from './image';

/** A library key: `<yyyy>/<mm>/<media id>/<file>`; the id is what a body reference resolves to. */
const LIBRARY_KEY = /^\d{4}\/\d{2}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/[A-Za-z0-9._-]+$/;

interface ImgTag {
  start: number;
  end: number;
  attribs: Record<string, string>;
  ref: string | null;
}

/** The media id a URL names when it is a library file under `publicUrl` (original or variant), else null. */
export function libraryRefOf(src: string, publicUrl: string): string | null {
  const base = `${publicUrl.replace(/\/+$/, '')}/`;
  if (!src.startsWith(base)) return null;
  let key: string;
  try {
    key = decodeURIComponent(src.slice(base.length).split(/[?#]/)[0]);
  } catch {
    return null;
  }
  return LIBRARY_KEY.exec(key)?.[1].toLowerCase() ?? null;
}

function imgTags(html: string, publicUrl: string): ImgTag[] {
  const tags: ImgTag[] = [];
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name !== 'img') return;
        tags.push({ start: parser.startIndex, end: parser.endIndex, attribs, ref: libraryRefOf(attribs.src ?? '', publicUrl) });
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return tags;
}

/**
 * The media ids of library images an html body shows (`<img src>` under `publicUrl`), distinct,
 * in order of appearance: what the document write path stores in `post_media`.
 */
export function libraryImageRefs(html: string, publicUrl: string): string[] {
  return [...new Set(imgTags(html, publicUrl).flatMap((tag) => (tag.ref ? [tag.ref] : [])))];
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Gives every library `<img>` (one whose ref is in `imagesByRef`, keyed by media id as `libraryImageRefs`
 * returns them) `width`, `height`, `srcset`, `sizes`, `loading="lazy"` and `decoding="async"`, so a
 * browser reserves its box and picks a fitting variant. Attributes the author set are kept; everything
 * else in the html is returned byte for byte.
 */
export function decorateLibraryImages(html: string, imagesByRef: ReadonlyMap<string, Image>, publicUrl: string): string {
  const tags = imgTags(html, publicUrl).filter((tag) => tag.ref !== null && imagesByRef.has(tag.ref));
  if (tags.length === 0) return html;
  let out = '';
  let cursor = 0;
  for (const tag of tags) {
    const image = imagesByRef.get(tag.ref!)!;
    const added: Record<string, string> = {};
    const hasSize = tag.attribs.width !== undefined || tag.attribs.height !== undefined;
    if (!hasSize && image.width && image.height) {
      added.width = String(image.width);
      added.height = String(image.height);
    }
    if (tag.attribs.srcset === undefined && image.srcset) {
      added.srcset = image.srcset;
      if (tag.attribs.sizes === undefined && image.width) added.sizes = `(max-width: ${image.width}px) 100vw, ${image.width}px`;
    }
    if (tag.attribs.loading === undefined) added.loading = 'lazy';
    if (tag.attribs.decoding === undefined) added.decoding = 'async';
    const attributes = Object.entries({ ...tag.attribs, ...added })
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    out += `${html.slice(cursor, tag.start)}<img${attributes}>`;
    cursor = tag.end + 1;
  }
  return out + html.slice(cursor);
}
