import { decorateLibraryImages, libraryImageRefs, libraryRefOf } from './body-images';
import { toImage, type MediaImageRow } from './image';

const BASE = 'https://api.example.com/media';
const ID_A = '5b0c1f9e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const ID_B = '0f8b5d1e-4c2a-4e7b-9a51-6d3c2b1a0e9f';

function row(id: string): MediaImageRow {
  return {
    id, storageKey: `2026/11/${id}/original.jpg`, mimeType: 'image/jpeg', width: 1200, height: 800,
    alt: 'Library alt', caption: null, focalX: null, focalY: null, placeholder: 'abc', dominantColor: '#112233',
    variants: [
      { width: 320, height: 213, format: 'webp', key: `2026/11/${id}/w320.webp`, bytes: 1 },
      { width: 320, height: 213, format: 'jpeg', key: `2026/11/${id}/w320.jpg`, bytes: 1 },
      { width: 640, height: 427, format: 'jpeg', key: `2026/11/${id}/w640.jpg`, bytes: 1 },
    ],
  };
}

describe('libraryImageRefs', () => {
  it('returns the media ids of library images, distinct, in order, from originals and variants', () => {
    const html =
      `<p><img src="${BASE}/2026/11/${ID_B}/w640.webp" alt="b"></p>` +
      `<img src="https://elsewhere.example/2026/11/${ID_A}/original.jpg">` +
      `<figure><img alt="a" src="${BASE}/2026/11/${ID_A}/original.jpg"></figure>` +
      `<img src="${BASE}/2026/11/${ID_B}/original.jpg">`;
    expect(libraryImageRefs(html, BASE)).toEqual([ID_B, ID_A]);
  });

  it('ignores external images, other paths under the media URL and malformed keys', () => {
    const html =
      `<img src="${BASE}/../2026/11/${ID_A}/original.jpg"><img src="${BASE}/2026/11/not-an-id/original.jpg">` +
      `<img src="${BASE}/2026/11/${ID_A}/sub/original.jpg"><img><a href="${BASE}/2026/11/${ID_A}/original.jpg">x</a>`;
    expect(libraryImageRefs(html, BASE)).toEqual([]);
    expect(libraryRefOf(`${BASE}/2026/11/${ID_A}/original.jpg?v=1`, `${BASE}/`)).toBe(ID_A);
  });
});

describe('decorateLibraryImages', () => {
  const images = new Map([[ID_A, toImage(BASE, row(ID_A))]]);

  it('adds width, height, srcset, sizes, loading and decoding to library images only, keeping the rest byte for byte', () => {
    const before = '<h2 id="x">Title &amp; more</h2>\n<p>Text <em>here</em></p>';
    const after = '<p>External <img src="https://elsewhere.example/a.jpg" alt="e"></p>';
    const html = `${before}<img src="${BASE}/2026/11/${ID_A}/original.jpg" alt="A &quot;quoted&quot; alt">${after}`;
    const out = decorateLibraryImages(html, images, BASE);
    expect(out.startsWith(before)).toBe(true);
    expect(out.endsWith(after)).toBe(true);
    const img = out.slice(before.length, out.length - after.length);
    expect(img).toBe(
      `<img src="${BASE}/2026/11/${ID_A}/original.jpg" alt="A &quot;quoted&quot; alt" width="1200" height="800" ` +
        `srcset="${BASE}/2026/11/${ID_A}/w320.jpg 320w, ${BASE}/2026/11/${ID_A}/w640.jpg 640w" ` +
        `sizes="(max-width: 1200px) 100vw, 1200px" loading="lazy" decoding="async">`,
    );
  });

  it('keeps what the author set and leaves images it has no data for untouched', () => {
    const own = `<img src="${BASE}/2026/11/${ID_A}/w640.jpg" width="300" loading="eager" alt="">`;
    const unknown = `<img src="${BASE}/2026/11/${ID_B}/original.jpg">`;
    const out = decorateLibraryImages(own + unknown, images, BASE);
    expect(out).toContain('width="300"');
    expect(out).not.toContain('height=');
    expect(out).toContain('loading="eager"');
    expect(out).toContain('alt=""');
    expect(out).toContain('decoding="async"');
    expect(out.endsWith(unknown)).toBe(true);
    expect(decorateLibraryImages('<p>No images</p>', images, BASE)).toBe('<p>No images</p>');
  });
});
