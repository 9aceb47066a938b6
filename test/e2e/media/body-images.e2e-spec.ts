import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { waitFor } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { png } from '../../helpers/media-images';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { ContentGenerationService } from '../../../src/modules/response-cache/content-generation.service';

/** Library images through the document write path: decorated html, `post_media` uses, and cached reads after media edits. */
describe('library images in documents', () => {
  let t: TestApp;
  let dir: string;
  let media: Record<string, string>;
  let editor: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'byline-body-images-'));
    t = await createTestApp({
      env: { MEDIA_DIR: dir, MEDIA_WIDTHS: '160,320', API_URL: 'http://api.test', SCHEDULER_ENABLED: 'false', RELATED_REFRESH_ENABLED: 'false' },
    });
    media = bearer(await issueToken(t, ['media:read', 'media:write']));
    editor = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    await waitFor(() => t.app.get(ContentGenerationService).known, 10_000);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = async (name: string, fields: Record<string, string> = {}) => {
    let req = request(t.http).post('/api/admin/media').set(media);
    for (const [field, value] of Object.entries(fields)) req = req.field(field, value);
    return (await req.attach('file', await png(640, 400), name).expect(201)).body.data;
  };
  const publish = (kind: 'posts' | 'pages', id: string, etag: string) =>
    request(t.http).post(`/api/admin/${kind}/${id}/publish`).set(bearer(editor)).set('If-Match', etag).send({}).expect(200);
  const imgTags = (html: string) => html.match(/<img[^>]*>/g) ?? [];

  it('decorates library images in a published body, records the use so a delete is refused, and frees it when the body drops it', async () => {
    const item = await upload('body.png', { alt: 'A gradient' });
    const unknown = `http://api.test/media/2026/01/${randomUUID()}/original.png`;
    const draft = await createDraft(t, editor, { markdown: `Before.\n\n![A gradient](${item.url})\n\n![Gone](${unknown})\n` });
    await publish('posts', draft.id, draft.etag);

    const html = (await request(t.http).get(`/api/posts/slug/${draft.post.slug}`).expect(200)).body.data.html as string;
    const [library, other] = imgTags(html);
    expect(library).toContain(`src="${item.url}"`);
    expect(library).toContain('width="640"');
    expect(library).toContain('height="400"');
    expect(library).toContain(`srcset="${item.srcset}"`);
    expect(library).toMatch(/sizes="[^"]+"/);
    expect(library).toContain('loading="lazy"');
    // An unknown library ref stays as written, with no use recorded.
    expect(other).toContain(`src="${unknown}"`);
    expect(other).not.toContain('srcset');
    expect(await t.prisma.postMedia.findMany({ where: { postId: draft.id }, select: { mediaId: true } })).toEqual([{ mediaId: item.id }]);

    const refused = expectProblem(await request(t.http).delete(`/api/admin/media/${item.id}`).set(media), 409, 'CONFLICT');
    expect(refused.detail).toContain(draft.post.slug);

    const etag = (await request(t.http).get(`/api/admin/posts/${draft.id}`).set(bearer(editor)).expect(200)).headers.etag;
    await request(t.http).patch(`/api/admin/posts/${draft.id}`).set(bearer(editor)).set('If-Match', etag).send({ markdown: 'No images now.' }).expect(200);
    expect(await t.prisma.postMedia.count({ where: { postId: draft.id } })).toBe(0);
    await request(t.http).delete(`/api/admin/media/${item.id}`).set(media).expect(204);
  });

  it('records library images of pages and of restored revisions', async () => {
    const item = await upload('page.png');
    const created = await request(t.http)
      .post('/api/admin/pages')
      .set(bearer(editor))
      .send({ title: `About ${randomUUID()}`, html: `<p>Hi</p><img src="${item.url}" alt="Team">` })
      .expect(201);
    const id = created.body.data.id as string;
    expect(imgTags(created.body.data.html)[0]).toContain('loading="lazy"');
    expect(await t.prisma.postMedia.count({ where: { postId: id, mediaId: item.id } })).toBe(1);

    const edited = await request(t.http)
      .patch(`/api/admin/pages/${id}`)
      .set(bearer(editor))
      .set('If-Match', created.headers.etag)
      .send({ html: '<p>Plain</p>' })
      .expect(200);
    expect(await t.prisma.postMedia.count({ where: { postId: id } })).toBe(0);

    const restored = await request(t.http).post(`/api/admin/pages/${id}/revisions/1/restore`).set(bearer(editor)).set('If-Match', edited.headers.etag);
    expect(restored.status).toBe(200);
    expect(imgTags(restored.body.data.html)[0]).toContain(`srcset="${item.srcset}"`);
    expect(await t.prisma.postMedia.count({ where: { postId: id, mediaId: item.id } })).toBe(1);
  });

  it('shows a media edit (alt text) in the next read of a cached post that uses the image', async () => {
    const item = await upload('feature.png', { alt: 'Old alt' });
    const draft = await createDraft(t, editor, { featureImage: { mediaId: item.id } });
    await publish('posts', draft.id, draft.etag);
    const read = async () => (await request(t.http).get(`/api/posts/slug/${draft.post.slug}`).expect(200)).body.data.featureImage.alt;
    expect(await read()).toBe('Old alt');
    expect(await read()).toBe('Old alt');

    await request(t.http).patch(`/api/admin/media/${item.id}`).set(media).set('If-Match', item.etag).send({ alt: 'New alt' }).expect(200);
    expect(await read()).toBe('New alt');
  });

  it('embeds tag images, author avatars and social links in posts, as public and editor reads show them', async () => {
    const cover = await upload('tag.png', { alt: 'Tag alt' });
    const portrait = await upload('author.png');
    const suffix = randomUUID().slice(0, 8);
    const tag = (await request(t.http).post('/api/admin/tags').set(bearer(editor)).send({ name: `Maps ${suffix}`, imageId: cover.id, social: { x: '@maps' } }).expect(201)).body.data;
    const author = (await request(t.http).post('/api/admin/authors').set(bearer(editor)).send({ name: `Ada ${suffix}`, avatarId: portrait.id, social: { github: 'ada' } }).expect(201)).body.data;
    const draft = await createDraft(t, editor, { tags: [tag.slug], authors: [author.slug] });
    await publish('posts', draft.id, draft.etag);

    const expected = {
      tags: [expect.objectContaining({ slug: tag.slug, image: expect.objectContaining({ mediaId: cover.id, alt: 'Tag alt', srcset: cover.srcset }), social: expect.objectContaining({ x: 'https://x.com/maps', github: null }) })],
      authors: [expect.objectContaining({ slug: author.slug, avatar: expect.objectContaining({ mediaId: portrait.id }), social: expect.objectContaining({ github: 'https://github.com/ada' }) })],
    };
    const read = async () => (await request(t.http).get(`/api/posts/slug/${draft.post.slug}`).expect(200)).body.data;
    expect(await read()).toMatchObject(expected);
    expect((await request(t.http).get(`/api/admin/posts/${draft.id}`).set(bearer(editor)).expect(200)).body.data).toMatchObject(expected);
    const graph = await gql(t, `{ post(slug: "${draft.post.slug}") { tags { image { mediaId } social { x } } authors { avatar { mediaId } social { github } } } }`);
    expect(graph.errors).toBeUndefined();
    expect(graph.data!.post).toEqual({
      tags: [{ image: { mediaId: cover.id }, social: { x: 'https://x.com/maps' } }],
      authors: [{ avatar: { mediaId: portrait.id }, social: { github: 'https://github.com/ada' } }],
    });

    // A media edit reaches the cached post through its embedded tag too.
    await request(t.http).patch(`/api/admin/media/${cover.id}`).set(media).set('If-Match', cover.etag).send({ alt: 'Renamed' }).expect(200);
    expect((await read()).tags[0].image.alt).toBe('Renamed');
  });
});
