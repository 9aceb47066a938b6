export type BodyFormat = 'markdown' | 'html';

export interface BodySource {
  format: BodyFormat;
  source: string;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface ReadingTime {
  seconds: number;
  minutes: number;
}

export interface RenderBodyOptions {
  wordsPerMinute: number;
  /** Wins over the generated excerpt when it is non-blank. */
  customExcerpt?: string | null;
  /** Hosts an iframe may embed (see `sanitizeHtml`); the sanitizer's default list when unset. */
  embedHosts?: readonly string[];
}

export interface RenderedBody {
  /** Sanitized HTML; a fixed point of `sanitizeHtml`. */
  html: string;
  /** Text of `html`: blocks split by blank lines, list items and table rows by single newlines. */
  plaintext: string;
  /** h2–h4 in document order; ids match the heading ids in `html`. */
  toc: TocEntry[];
  /** Words of the body text: plaintext without figure captions. */
  wordCount: number;
  imageCount: number;
  excerpt: string;
  readingTime: ReadingTime;
}
