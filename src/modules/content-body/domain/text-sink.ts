/** How much separation the next text needs from what came before. */
export enum Gap {
  None = 0,
  Space = 1,
  Line = 2,
  Paragraph = 3,
}

const SEPARATORS: Record<Gap, string> = { [Gap.None]: '', [Gap.Space]: ' ', [Gap.Line]: '\n', [Gap.Paragraph]: '\n\n' };
const WHITESPACE = /\s+/g;

/**
 * Builds plain text from a stream of text chunks and block boundaries. Separators are only written
 * between two pieces of text, so empty blocks and leading or trailing boundaries leave no trace.
 */
export class TextSink {
  private readonly parts: string[] = [];
  private gap = Gap.None;

  /** Asks for at least this much separation before the next text. */
  separate(gap: Gap): void {
    if (gap > this.gap) this.gap = gap;
  }

  /** Inline text: runs of whitespace collapse to one space. */
  text(chunk: string): void {
    const collapsed = chunk.replace(WHITESPACE, ' ');
    if (collapsed === '') return;
    const startsWithSpace = collapsed.startsWith(' ');
    const endsWithSpace = collapsed.length > 1 && collapsed.endsWith(' ');
    if (startsWithSpace) this.separate(Gap.Space);
    const core = collapsed.slice(startsWithSpace ? 1 : 0, endsWithSpace ? -1 : undefined);
    if (core !== '') this.write(core);
    if (endsWithSpace || (startsWithSpace && core === '')) this.separate(Gap.Space);
  }

  /** Preformatted text keeps its line breaks and indentation. */
  preformatted(chunk: string): void {
    let text = chunk.replace(/\r\n?/g, '\n');
    if (this.parts.length === 0 || this.gap >= Gap.Line) text = text.replace(/^\n+/, '');
    if (text !== '') this.write(text);
  }

  toString(): string {
    return this.parts.join('').trimEnd();
  }

  private write(text: string): void {
    if (this.gap >= Gap.Line) this.trimTrailingWhitespace();
    if (this.parts.length > 0) this.parts.push(SEPARATORS[this.gap]);
    this.gap = Gap.None;
    this.parts.push(text);
  }

  private trimTrailingWhitespace(): void {
    while (this.parts.length > 0) {
      const last = this.parts.length - 1;
      const trimmed = this.parts[last].trimEnd();
      if (trimmed !== '') {
        this.parts[last] = trimmed;
        return;
      }
      this.parts.pop();
    }
  }
}
