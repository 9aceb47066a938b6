import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const MEDIA_BASE = 'https://cdn.example/media';
const IMAGE = 'mediaId url width height alt caption srcset variants { url width height format bytes } placeholder dominantColor focalPoint { x y }';
const SOCIAL = 'x mastodon bluesky threads github linkedin facebook instagram youtube';

describe('tag images, author avatars and social links', () => {
  let t: TestApp;
  let writer: Record<string, string>;
  let publishedPostId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, env: { MEDIA_PUBLIC_URL: MEDIA_BASE } });
    writer = bearer(await issueToken(t, ['content:read', 'content:write']));
    publishedPostId = (await t.prisma.post.findFirstOrThrow({ where: { status: 'PUBLISHED', publishedAt: { lte: new Date() } }, select: { id: true } })).id;
  });
  afterAll(() => t.close());

  /** A library image as the upload would leave it (no upload API on this branch): a row and its variants. */
  async function insertMedia(name: string) {
    const key = `2026/11/${name}`;
    return t.prisma.media.create({
      data: {
        storageKey: `${key}/original.jpg`, filename: `${name}.jpg`, mimeType: 'image/jpeg', bytes: 120_000, width: 1200, height: 800,
        sha256: 'a'.repeat(64), alt: `${name} alt`, caption: null, focalX: 0.5, focalY: 0.25, placeholder: 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG',
        dominantColor: '#3a5f7d',
        variants: [
          { width: 640, height: 427, format: 'jpeg', key: `${key}/w640.jpg`, bytes: 40_000 },
          { width: 640, height: 427, format: 'webp', key: `${key}/w640.webp`, bytes: 30_000 },
        ],
      },
      select: { id: true },
    });
  }

  function expectFullImage(image: any, mediaId: string, name: string) {
    expect(image).toEqual({
      mediaId, url: `${MEDIA_BASE}/2026/11/${name}/original.jpg`, width: 1200, height: 800, alt: `${name} alt`, caption: null,
      srcset: `${MEDIA_BASE}/2026/11/${name}/w640.jpg 640w`,
      variants: [
        { url: `${MEDIA_BASE}/2026/11/${name}/w640.jpg`, width: 640, height: 427, format: 'jpeg', bytes: 40_000 },
        { url: `${MEDIA_BASE}/2026/11/${name}/w640.webp`, width: 640, height: 427, format: 'webp', bytes: 30_000 },
      ],
      placeholder: 'HBkSHYSIeHiPiHh8eJd4eTN0EEQG', dominantColor: '#3a5f7d', focalPoint: { x: 0.5, y: 0.25 },
    });
  }

  /** Public reads show labels of published posts only. */
  async function attach(kind: 'tag' | 'author', id: string) {
    if (kind === 'tag') await t.prisma.postTag.create({ data: { postId: publishedPostId, tagId: id, position: 90 } });
    else await t.prisma.postAuthor.create({ data: { postId: publishedPostId, authorId: id, position: 90 } });
  }

  it('returns a tag image as a full library image over REST and GraphQL, and clears it', async () => {
    const media = await insertMedia('tag-cover');
    const created = await request(t.http).post('/api/admin/tags').set(writer)
      .send({ name: 'Cartography', imageId: media.id, social: { x: '@maps', bluesky: 'maps.bsky.social' } }).expect(201);
    const tag = created.body.data;
    expectFullImage(tag.image, media.id, 'tag-cover');
    await attach('tag', tag.id);

    const rest = await request(t.http).get('/api/tags/slug/cartography').expect(200);
    expectFullImage(rest.body.data.image, media.id, 'tag-cover');
    expect(rest.body.data.social).toMatchObject({ x: 'https://x.com/maps', bluesky: 'https://bsky.app/profile/maps.bsky.social', github: null });
    const listed = (await request(t.http).get('/api/tags?limit=100').expect(200)).body.data.find((x: any) => x.slug === 'cartography');
    expectFullImage(listed.image, media.id, 'tag-cover');

    const graph = await gql(t, `{ tag(slug: "cartography") { image { ${IMAGE} } social { ${SOCIAL} } } }`);
    expect(graph.errors).toBeUndefined();
    expectFullImage(graph.data!.tag.image, media.id, 'tag-cover');
    expect(graph.data!.tag.social.x).toBe('https://x.com/maps');

    const cleared = await request(t.http).patch(`/api/admin/tags/${tag.id}`).set(writer).set('If-Match', tag.etag).send({ imageId: null }).expect(200);
    expect(cleared.body.data.image).toBeNull();
  });

  it('returns an author avatar from the library over REST and GraphQL, keeping avatarUrl; a URL-only avatar otherwise', async () => {
    const media = await insertMedia('portrait');
    const create = `mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { id etag avatarUrl avatar { ${IMAGE} } } }`;
    const created = await gql(t, create, { i: { name: 'Ines Atlas', avatarId: media.id, avatarUrl: 'https://img.example/ines.png', social: { github: 'ines' } } }, writer);
    expect(created.errors).toBeUndefined();
    const author = created.data!.createAuthor;
    expectFullImage(author.avatar, media.id, 'portrait');
    await attach('author', author.id);

    const rest = await request(t.http).get('/api/authors/slug/ines-atlas').expect(200);
    expectFullImage(rest.body.data.avatar, media.id, 'portrait');
    expect(rest.body.data.avatarUrl).toBe('https://img.example/ines.png');
    expect(rest.body.data.social.github).toBe('https://github.com/ines');
    const graph = await gql(t, `{ author(slug: "ines-atlas") { avatarUrl avatar { ${IMAGE} } social { github } } }`);
    expectFullImage(graph.data!.author.avatar, media.id, 'portrait');

    const urlOnly = await request(t.http).post('/api/admin/authors').set(writer).send({ name: 'Ola Url', avatarUrl: 'https://img.example/ola.png' }).expect(201);
    expect(urlOnly.body.data.avatar).toEqual({
      mediaId: null, url: 'https://img.example/ola.png', width: null, height: null, alt: null, caption: null,
      srcset: null, variants: [], placeholder: null, dominantColor: null, focalPoint: null,
    });
  });

  it('refuses an image id that is not in the library, over REST and GraphQL', async () => {
    const unknown = randomUUID();
    const tag = expectProblem(await request(t.http).post('/api/admin/tags').set(writer).send({ name: 'Nowhere', imageId: unknown }), 400, 'VALIDATION_FAILED');
    expect(tag.errors).toEqual([expect.objectContaining({ field: 'imageId' })]);
    expectProblem(await request(t.http).post('/api/admin/authors').set(writer).send({ name: 'Nobody', avatarId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED');
    const graph = await gql(t, 'mutation($i: CreateAuthorInput!) { createAuthor(input: $i) { id } }', { i: { name: 'Nobody', avatarId: unknown } }, writer);
    expect(graph.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await t.prisma.author.count({ where: { name: 'Nobody' } })).toBe(0);
  });

  it('validates social links per network and edits them: set, keep, remove', async () => {
    const bad = expectProblem(await request(t.http).post('/api/admin/tags').set(writer).send({ name: 'Bad Links', social: { x: 'https://evil.example/x' } }), 400, 'VALIDATION_FAILED');
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'social.x' })]);
    expectProblem(await request(t.http).post('/api/admin/tags').set(writer).send({ name: 'Bad Links', social: { myspace: 'tom' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await request(t.http).post('/api/admin/authors').set(writer).send({ name: 'Bad Links', social: { youtube: 'javascript:alert(1)' } }), 400, 'VALIDATION_FAILED');
    const graphBad = await gql(t, 'mutation($i: CreateTagInput!) { createTag(input: $i) { id } }', { i: { name: 'Bad Links', social: { github: 'https://gitlab.com/x' } } }, writer);
    expect(graphBad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const created = await request(t.http).post('/api/admin/authors').set(writer)
      .send({ name: 'Sol Links', social: { mastodon: '@sol@hachyderm.io', youtube: 'https://www.youtube.com/@sol', linkedin: 'sol-links' } }).expect(201);
    const author = created.body.data;
    expect(author.social).toEqual({
      x: null, mastodon: 'https://hachyderm.io/@sol', bluesky: null, threads: null, github: null,
      linkedin: 'https://www.linkedin.com/in/sol-links', facebook: null, instagram: null, youtube: 'https://www.youtube.com/@sol',
    });

    const update = `mutation($id: ID!, $i: UpdateAuthorInput!, $m: String) { updateAuthor(id: $id, input: $i, ifMatch: $m) { etag social { ${SOCIAL} } } }`;
    const edited = await gql(t, update, { id: author.id, i: { social: { youtube: null, instagram: '@sol.pics' } }, m: author.etag }, writer);
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateAuthor.social).toMatchObject({
      mastodon: 'https://hachyderm.io/@sol', linkedin: 'https://www.linkedin.com/in/sol-links', youtube: null, instagram: 'https://www.instagram.com/sol.pics',
    });

    const cleared = await request(t.http).patch(`/api/admin/authors/${author.id}`).set(writer).set('If-Match', edited.data!.updateAuthor.etag).send({ social: null }).expect(200);
    expect(Object.values(cleared.body.data.social).every((v) => v === null)).toBe(true);
    const audit = await t.prisma.auditEntry.findMany({ where: { targetId: author.id }, orderBy: { id: 'asc' }, select: { action: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(['author.created', 'author.updated', 'author.updated']);
    expect(audit[1].details).toMatchObject({ changed: ['social'] });
  });
});
