import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWords } from './excerpt';
import { renderBody } from './render-body';

const source = readFileSync(join(__dirname, '__fixtures__', 'long-form.md'), 'utf8');
const body = renderBody({ format: 'markdown', source }, { wordsPerMinute: 200 });
const sectionHeadings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]);

describe('long-form reference article', () => {
  it('counts about 1,680 words of body text', () => {
    expect(body.wordCount).toBeGreaterThanOrEqual(1600);
    expect(body.wordCount).toBeLessThanOrEqual(1740);
  });

  it('has one image and reads in 8 minutes at 200 wpm', () => {
    expect(body.imageCount).toBe(1);
    expect(body.readingTime.minutes).toBe(8);
  });

  it('lists every section heading in the toc, with ids present in the html', () => {
    expect(sectionHeadings.length).toBeGreaterThanOrEqual(4);
    expect(body.toc.map((entry) => entry.text)).toEqual(sectionHeadings);
    expect(body.toc.every((entry) => entry.level === 2)).toBe(true);
    for (const { id } of body.toc) expect(body.html).toContain(`<h2 id="${id}">`);
  });

  it('renders the captioned image as a figure, the pull quote and the bullet list', () => {
    const image = '<img src="https://images\\.example\\.com/byline/[^"]+" alt="[^"]+" loading="lazy" />';
    expect(body.html).toMatch(new RegExp(`<figure>${image}<figcaption>[^<]+</figcaption></figure>`));
    expect(body.html.match(/<figure>/g)).toHaveLength(1);
    expect(body.html).toContain('<blockquote>');
    expect(body.html).toMatch(/<ul>\n(<li>[^]*?<\/li>\n){5}<\/ul>/);
  });

  it('keeps the three roles and their descriptions as a definition list, in html and in plaintext', () => {
    const roles = [...body.html.matchAll(/<dt>([^<]+)<\/dt>\n<dd>([^<]+)<\/dd>/g)].map(([, term, description]) => ({ term, description }));
    expect(roles.map((role) => role.term)).toEqual(['Lead Engineer', 'Software Architect', 'CTO']);
    expect(body.html).toMatch(/<dl>\n(<dt>[^<]+<\/dt>\n<dd>[^<]+<\/dd>\n){3}<\/dl>/);
    for (const { term, description } of roles) {
      expect(description.split(' ').length).toBeGreaterThan(5);
      expect(body.plaintext).toContain(`\n${term}\n${description}\n`);
    }
  });

  it('has an excerpt of at most 50 words from the opening paragraph', () => {
    expect(countWords(body.excerpt)).toBeLessThanOrEqual(50);
    expect(body.excerpt.endsWith('…')).toBe(true);
    expect(body.excerpt.startsWith('Three winters ago')).toBe(true);
  });
});

// Its speed is measured by `npm run bench`; here only that a maximal body renders completely.
describe('renderBody on a 1 MiB body', () => {
  it('renders every repeated section with unique heading ids', () => {
    const copies = Math.ceil(2 ** 20 / source.length);
    const rendered = renderBody({ format: 'markdown', source: source.repeat(copies) }, { wordsPerMinute: 200 });
    expect(rendered.toc.length).toBe(body.toc.length * copies);
    expect(new Set(rendered.toc.map((entry) => entry.id)).size).toBe(rendered.toc.length);
  });
});
