import { analyzeSanitizedHtml } from './body-analysis';
import type { BodySource, RenderBodyOptions, RenderedBody } from './body.types';
import { chooseExcerpt, countWords } from './excerpt';
import { markdownToHtml } from './markdown';
import { computeReadingTime } from './reading-time';
import { sanitizeHtml } from './sanitize';

/**
 * Source to publishable body: Markdown is rendered first, then everything is sanitized once and
 * analysed in one pass for heading ids, table of contents, text and counts.
 */
export function renderBody(source: BodySource, options: RenderBodyOptions): RenderedBody {
  const analysis = analyzeSanitizedHtml(sanitizeHtml(toUntrustedHtml(source), { embedHosts: options.embedHosts }));
  const wordCount = countWords(analysis.bodyText);
  return {
    html: analysis.html,
    plaintext: analysis.plaintext,
    toc: analysis.toc,
    wordCount,
    imageCount: analysis.imageCount,
    excerpt: chooseExcerpt(options.customExcerpt, analysis.proseText, analysis.plaintext),
    readingTime: computeReadingTime(wordCount, analysis.imageCount, options.wordsPerMinute),
  };
}

function toUntrustedHtml(source: BodySource): string {
  switch (source.format) {
    case 'markdown':
      return markdownToHtml(source.source);
    case 'html':
      return source.source;
    default:
      throw new TypeError(`Unknown body format: ${String((source as { format: unknown }).format)}`);
  }
}
