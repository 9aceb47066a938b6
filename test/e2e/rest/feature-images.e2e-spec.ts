import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const CDN = 'https://cdn.example/media';

describe('feature images from the media library', () => {
  let t: TestApp;
  let editor: Record<string, string>;
  let mediaId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { MEDIA_PUBLIC_URL: CDN } });
    editor = bearer(await issueToken(t, ['content:read', 'content:write', 'content:publish']));
    // The library row as an upload leaves it (uploading is the media module's job, not under test here).
    const media = await t.prisma.media.create({
      data: {
        storageKey: 'library/harbour/original.jpg',
        filename: 'harbour.jpg',
        mimeType: 'image/jpeg',
        bytes: 120_000,
        width: 2400,
        height: 1600,
        sha256: 'a'.repeat(64),
        alt: 'Library alt',
        caption: 'Library caption',
        focalX: 0.5,
        focalY: 0.25,
        placeholder: 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG',
        dominantColor: '#3a5f7d',
        variants: [
          { width: 640, height: 427, format: 'jpeg', key: 'library/harbour/w640.jpg', bytes: 30_000 },
          { width: 640, height: 427, format: 'webp', key: 'library/harbour/w640.webp', bytes: 20_000 },
          { width: 1280, height: 853, format: 'jpeg', key: 'library/harbour/w1280.jpg', bytes: 70_000 },
        ],
      },
    });
    mediaId = media.id;
  });
  afterAll(() => t.close());

  async function publish(path: 'posts' | 'pages', body: object) {
    const created = await request(t.http).post(`/api/admin/${path}`).set(editor).send(body).expect(201);
    await request(t.http).post(`/api/admin/${path}/${created.body.data.id}/publish`).set(editor).send({}).expect(200);
    return created.body.data as { id: string; slug: string; featureImage: unknown };
  }

  it('answers a library image with dimensions, srcset, variants, placeholder and focal point; the document alt wins', async () => {
    const post = await publish('posts', { title: 'Harbour lights', markdown: 'A harbour at night.', featureImage: { mediaId, alt: 'Our alt' } });
    const image = {
      mediaId,
      url: `${CDN}/library/harbour/original.jpg`,
      width: 2400,
      height: 1600,
      alt: 'Our alt',
      caption: 'Library caption',
      srcset: `${CDN}/library/harbour/w640.jpg 640w, ${CDN}/library/harbour/w1280.jpg 1280w`,
      variants: expect.arrayContaining([{ url: `${CDN}/library/harbour/w640.webp`, width: 640, height: 427, format: 'webp', bytes: 20_000 }]),
      placeholder: 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG',
      dominantColor: '#3a5f7d',
      focalPoint: { x: 0.5, y: 0.25 },
    };
    expect(post.featureImage).toEqual(image);
    // Public reads of every shape carry it from the same statement.
    expect((await request(t.http).get(`/api/posts/${post.id}`).expect(200)).body.data.featureImage).toEqual(image);
    const listed = (await request(t.http).get('/api/posts?limit=100').expect(200)).body.data.find((p: { id: string }) => p.id === post.id);
    expect(listed.featureImage).toEqual(image);
    const hit = (await request(t.http).get('/api/search?q=harbour').expect(200)).body.data[0];
    expect(hit.post.featureImage).toEqual(image);

    const res = await gql(t, `{ post(id: "${post.id}") { featureImage { mediaId url width height alt srcset placeholder focalPoint { x y } variants { format } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.post.featureImage).toMatchObject({ mediaId, width: 2400, height: 1600, alt: 'Our alt', focalPoint: { x: 0.5, y: 0.25 } });
    expect(res.data!.post.featureImage.variants).toHaveLength(3);
  });

  it('keeps URL images as they were (url, alt, caption; no library fields), on pages too', async () => {
    const page = await publish('pages', { title: 'Harbour office', markdown: 'Find us.', featureImage: { url: 'https://images.example/office.jpg', alt: 'The office' } });
    expect((await request(t.http).get(`/api/pages/${page.id}`).expect(200)).body.data.featureImage).toEqual({
      mediaId: null,
      url: 'https://images.example/office.jpg',
      width: null,
      height: null,
      alt: 'The office',
      caption: null,
      srcset: null,
      variants: [],
      placeholder: null,
      dominantColor: null,
      focalPoint: null,
    });
    const library = await publish('pages', { title: 'Harbour map', markdown: 'Our map.', featureImage: { mediaId } });
    expect((await request(t.http).get(`/api/pages/slug/${library.slug}`).expect(200)).body.data.featureImage).toMatchObject({ mediaId, alt: 'Library alt' });
  });

  it('refuses both or neither of mediaId and url, and an unknown mediaId, as validation problems', async () => {
    const body = (featureImage: object) => ({ title: 'Bad image', markdown: 'Body.', featureImage });
    for (const featureImage of [{ mediaId, url: 'https://images.example/x.jpg' }, { alt: 'only alt' }]) {
      expectProblem(await request(t.http).post('/api/admin/posts').set(editor).send(body(featureImage)), 400, 'VALIDATION_FAILED');
    }
    const unknown = await request(t.http).post('/api/admin/posts').set(editor).send(body({ mediaId: '00000000-0000-4000-8000-000000000000' }));
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.errors).toEqual([{ field: 'featureImage.mediaId', message: 'unknown media item' }]);
    expectProblem(await request(t.http).post('/api/admin/posts').set(editor).send(body({ mediaId: 'not-a-uuid' })), 400, 'VALIDATION_FAILED');
    const gqlUnknown = await gql(
      t,
      `mutation { createPage(input: { title: "x", markdown: "y", featureImage: { mediaId: "00000000-0000-4000-8000-000000000000" } }) { id } }`,
      undefined,
      editor,
    );
    expect(gqlUnknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records the library reference in revisions and restores it', async () => {
    const created = await request(t.http).post('/api/admin/posts').set(editor).send({ title: 'Restorable', markdown: 'x', featureImage: { mediaId } }).expect(201);
    const id = created.body.data.id;
    const changed = await request(t.http)
      .patch(`/api/admin/posts/${id}`)
      .set(editor)
      .set('If-Match', created.headers.etag)
      .send({ featureImage: { url: 'https://images.example/other.jpg' } })
      .expect(200);
    expect(changed.body.data.featureImage).toMatchObject({ mediaId: null, url: 'https://images.example/other.jpg' });
    const revisions = (await request(t.http).get(`/api/admin/posts/${id}/revisions`).set(editor).expect(200)).body.data;
    expect(revisions[1].snapshot.featureImage).toEqual({ mediaId, url: null, alt: null, caption: null });
    const restored = await request(t.http)
      .post(`/api/admin/posts/${id}/revisions/1/restore`)
      .set(editor)
      .set('If-Match', changed.headers.etag)
      .expect(200);
    expect(restored.body.data.featureImage).toMatchObject({ mediaId, width: 2400, alt: 'Library alt' });
  });
});
