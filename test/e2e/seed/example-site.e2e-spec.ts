import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { APP_CONFIG, AppConfig } from '../../../src/config/app-config';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';

const FLAGSHIP = 'the-case-for-the-long-read';

/** The path of a URL the test app serves (its public URLs name SITE_URL's host, not supertest's). */
const pathOf = (url: string) => new URL(url).pathname;

describe('example content: a whole site a blog frontend can render', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('serves site settings with menus linking the About page and the feeds, and social accounts', async () => {
    const about = (await request(t.http).get('/api/pages/slug/about').expect(200)).body.data;
    expect(about).toMatchObject({ slug: 'about', title: 'About', url: expect.stringMatching(/\/about\/?$/) });
    const editor = (await request(t.http).get('/api/admin/settings').set(bearer(await issueToken(t, ['settings:write']))).expect(200)).body.data;
    // The About entry links the page as a document (it follows the page's slug), not as a fixed URL.
    const [home, tag, aboutItem, ...rest] = editor.primaryNavigation;
    expect(rest).toEqual([]);
    expect(home).toEqual({ label: 'Home', url: '/', documentId: null });
    expect(tag).toEqual({ label: 'Long-form', url: '/tag/long-form/', documentId: null });
    expect(aboutItem).toMatchObject({ label: 'About', documentId: about.id });
    expect(aboutItem.url).toBe(about.url);
    const settings = (await request(t.http).get('/api/settings').expect(200)).body.data;
    // Title and description stay with the configuration (SITE_TITLE, SITE_DESCRIPTION).
    expect(settings).toMatchObject({ title: 'Byline', accentColor: '#2f5d62' });
    // Public menus list the entries whose target is public, with the URL the editor view resolves.
    expect(settings.primaryNavigation).toEqual(editor.primaryNavigation.filter((item: { url: string | null }) => item.url !== null));
    expect(settings.primaryNavigation).toContainEqual({ label: 'About', url: about.url, documentId: about.id });
    expect(settings.secondaryNavigation.map((item: { label: string }) => item.label)).toEqual(['RSS', 'JSON Feed', 'Sitemap']);
    for (const item of settings.secondaryNavigation) {
      expect(item.url).toMatch(/^http:\/\/localhost:\d+\/api\/(feed\.xml|feed\.json|sitemap\.xml)$/);
      await request(t.http).get(pathOf(item.url)).expect(200);
    }
    expect(settings.social.map((account: { network: string }) => account.network)).toEqual(['mastodon', 'bluesky']);
  });

  it('gives the reference article a library feature image with sizes, srcset, placeholder and colour', async () => {
    const post = (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200)).body.data;
    const image = post.featureImage;
    expect(image).toMatchObject({
      mediaId: expect.any(String),
      width: 1440,
      height: 960,
      alt: 'An armchair beside a window with an open book resting on its arm',
      caption: 'Long reads ask for a little time. We try to make it worth it.',
      srcset: expect.stringMatching(/ 320w, .+ 640w, .+ 1440w$/),
      placeholder: expect.stringMatching(/^[A-Za-z0-9+/=]{20,}$/),
      dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(image.variants.map((v: { format: string }) => v.format)).toEqual(expect.arrayContaining(['webp', 'avif', 'jpeg']));
    const smallest = image.variants.find((v: { format: string; width: number }) => v.format === 'avif' && v.width === 320);
    const file = await request(t.http).get(pathOf(smallest.url)).expect(200);
    expect(file.headers['content-type']).toBe('image/avif');
    await request(t.http).get(pathOf(image.url)).expect('content-type', 'image/jpeg').expect(200);
  });

  it('renders the body image from the library with width, height, srcset and lazy loading, and records its use', async () => {
    const post = (await request(t.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200)).body.data;
    const img = /<img [^>]*>/.exec(post.html)?.[0] ?? '';
    expect(img).toMatch(/ src="http:\/\/[^"]+\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\/original\.jpg"/);
    expect(img).toContain(' alt="A printed essay on a wooden desk, covered in handwritten pencil notes"');
    expect(img).toContain(' width="1200" height="800"');
    expect(img).toMatch(/ srcset="[^"]+ 320w, [^"]+ 1200w"/);
    expect(img).toContain(' loading="lazy"');
    expect(post.html).toMatch(/<figcaption>We still print every long piece once/);
    const src = / src="([^"]+)"/.exec(img)![1];
    await request(t.http).get(pathOf(src)).expect(200);
    const used = await t.prisma.postMedia.findMany({ where: { postId: post.id }, select: { media: { select: { filename: true } } } });
    expect(used.map((row) => row.media.filename)).toEqual(['long-read-desk-proof.jpg']);
  });

  it('keeps test media out of the project directory and seeds the same images from the run cache', async () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    expect(config.media.dir.startsWith(tmpdir())).toBe(true);
    // A second seeded app of this run copies the processed images instead of encoding them again.
    const second = await createTestApp({ seed: true });
    try {
      const secondConfig = second.app.get<AppConfig>(APP_CONFIG);
      expect(secondConfig.media.dir).not.toBe(config.media.dir);
      const media = await second.prisma.media.findMany({ select: { storageKey: true, filename: true }, orderBy: { filename: 'asc' } });
      expect(media.map((m) => m.filename)).toEqual(['long-read-desk-proof.jpg', 'the-case-for-the-long-read.jpg']);
      for (const m of media) expect(existsSync(join(secondConfig.media.dir, m.storageKey))).toBe(true);
      const post = (await request(second.http).get(`/api/posts/slug/${FLAGSHIP}`).expect(200)).body.data;
      expect(post.featureImage).toMatchObject({ width: 1440, srcset: expect.any(String) });
    } finally {
      await second.close();
    }
  });
});
