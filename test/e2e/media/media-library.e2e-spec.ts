import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { flatPng, jpegWithExif, noisePng, png } from '../../helpers/media-images';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';

const MAX_BYTES = 300_000;

describe('media library (local storage)', () => {
  let t: TestApp;
  let dir: string;
  let writer: Record<string, string>;
  let reader: Record<string, string>;
  let editor: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'byline-media-'));
    t = await createTestApp({
      env: { MEDIA_DIR: dir, MEDIA_WIDTHS: '160,320', MEDIA_MAX_BYTES: String(MAX_BYTES), MEDIA_MAX_PIXELS: '4000000', API_URL: 'http://api.test' },
    });
    writer = bearer(await issueToken(t, ['media:read', 'media:write']));
    reader = bearer(await issueToken(t, ['media:read']));
    editor = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (file: Buffer, filename: string, fields: Record<string, string> = {}, contentType?: string) => {
    let req = request(t.http).post('/api/admin/media').set(writer);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', file, contentType ? { filename, contentType } : filename);
  };
  const onDisk = (url: string) => join(dir, new URL(url).pathname.replace(/^\/media\//, ''));

  it('uploads a JPEG: oriented, metadata stripped, variants in WebP, AVIF and JPEG, placeholder and colour; audited and webhooked', async () => {
    await t.prisma.webhook.create({ data: { url: 'http://127.0.0.1:9/hook', events: ['media.*'], secret: 'test-secret' } });
    const source = await jpegWithExif(640, 400);
    expect((await sharp(source).metadata()).exif).toBeDefined();

    const res = await upload(source, 'holiday.jpg', { alt: 'A gradient', caption: 'Made in a test', focalPoint: '0.25,0.75' }).expect(201);
    const item = res.body.data;
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBe(item.etag);
    // EXIF orientation 6 turns 640×400 into 400×640.
    expect(item).toMatchObject({
      filename: 'holiday.jpg', mimeType: 'image/jpeg', width: 400, height: 640, alt: 'A gradient', caption: 'Made in a test',
      focalPoint: { x: 0.25, y: 0.75 }, mediaId: item.id,
    });
    expect(item.url).toMatch(new RegExp(`^http://api\\.test/media/\\d{4}/\\d{2}/${item.id}/original\\.jpg$`));
    expect(item.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(Buffer.from(item.placeholder, 'base64').length).toBeGreaterThan(5);
    const formats = item.variants.map((v: { width: number; format: string }) => `${v.width}:${v.format}`).sort();
    // 400 px wide: the configured 160 and 320 (the largest configured width caps the variants; the original is full size).
    expect(formats).toEqual(['160:avif', '160:jpeg', '160:webp', '320:avif', '320:jpeg', '320:webp']);
    expect(item.srcset).toBe([160, 320].map((w) => `http://api.test/media/${item.url.split('/media/')[1].replace('original.jpg', `w${w}.jpg`)} ${w}w`).join(', '));

    const original = await readFile(onDisk(item.url));
    const meta = await sharp(original).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 400, height: 640 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(original.includes(Buffer.from('Jane Secret'))).toBe(false);
    for (const variant of item.variants) {
      const file = await readFile(onDisk(variant.url));
      expect(file.length).toBe(variant.bytes);
      const vm = await sharp(file).metadata();
      expect({ width: vm.width, height: vm.height, format: vm.format === 'heif' ? 'avif' : vm.format }).toEqual({
        width: variant.width, height: variant.height, format: variant.format,
      });
    }

    const audit = await t.prisma.auditEntry.findMany({ where: { targetId: item.id } });
    expect(audit.map((a) => a.action)).toEqual(['media.created']);
    const deliveries = await t.prisma.webhookDelivery.findMany({ where: { event: 'media.created' } });
    expect(deliveries).toHaveLength(1);
  });

  it('serves files at /media with immutable caching, type, ETag and nosniff; no listing, no traversal', async () => {
    const item = (await upload(await png(), 'pic.png').expect(201)).body.data;
    const path = new URL(item.variants.find((v: { format: string }) => v.format === 'webp').url).pathname;
    const res = await request(t.http).get(path).expect(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.etag).toEqual(expect.any(String));
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    await request(t.http).get(path).set('If-None-Match', res.headers.etag).expect(304);
    expect((await request(t.http).head(new URL(item.url).pathname).expect(200)).headers['content-type']).toBe('image/png');

    const folder = path.slice(0, path.lastIndexOf('/'));
    expectProblem(await request(t.http).get(`${folder}/`), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get(folder), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get('/media/'), 404, 'NOT_FOUND');
    for (const attempt of ['/media/../package.json', '/media/%2e%2e/package.json', '/media/..%2fpackage.json', '/media/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const answer = await rawGet(attempt);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('"name": "byline"');
    }
  });

  it('refuses files by their content: text named .jpg, garbage behind PNG bytes declared as JPEG, and SVG', async () => {
    const text = expectProblem(await upload(Buffer.from('just some text, not a photo'), 'photo.jpg', {}, 'image/jpeg'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(text.detail).toMatch(/content/);
    const pngHeader = (await png(64, 64)).subarray(0, 33);
    const polyglot = Buffer.concat([pngHeader, Buffer.from('<?php echo "hi"; ?> and lots of garbage that is not image data at all')]);
    expectProblem(await upload(polyglot, 'photo.jpg', {}, 'image/jpeg'), 422, 'UNPROCESSABLE');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(expectProblem(await upload(svg, 'logo.svg', {}, 'image/svg+xml'), 415, 'UNSUPPORTED_MEDIA_TYPE').detail).toMatch(/SVG/);
    // A real PNG declared as JPEG is judged by its content and stored as the PNG it is.
    const real = (await upload(await png(80, 60), 'looks.jpg', {}, 'image/jpeg').expect(201)).body.data;
    expect(real).toMatchObject({ mimeType: 'image/png', width: 80, height: 60 });
    expect(await t.prisma.media.count({ where: { filename: 'photo.jpg' } })).toBe(0);
  });

  it('refuses bodies over MEDIA_MAX_BYTES with 413, declared or streamed, and pixel bombs with 422', async () => {
    const big = await noisePng(400, 300);
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    expectProblem(await upload(big, 'big.png'), 413, 'PAYLOAD_TOO_LARGE');
    const streamed = await chunkedUpload(big);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).code).toBe('PAYLOAD_TOO_LARGE');

    const bomb = await flatPng(3000, 3000);
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const problem = expectProblem(await upload(bomb, 'bomb.png'), 422, 'UNPROCESSABLE');
    expect(problem.detail).toMatch(/pixels/);
    expect(await t.prisma.media.count({ where: { filename: { in: ['big.png', 'bomb.png'] } } })).toBe(0);
  });

  it('validates uploads: multipart only, a file part, well-formed fields', async () => {
    expectProblem(await request(t.http).post('/api/admin/media').set(writer).send({ alt: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await request(t.http).post('/api/admin/media').set(writer).field('alt', 'no file'), 400, 'VALIDATION_FAILED');
    expectProblem(await upload(await png(20, 20), 'a.png', { focalPoint: '2,0.5' }), 400, 'VALIDATION_FAILED');
    expectProblem(await upload(await png(20, 20), 'a.png', { unknown: 'x' }), 400, 'VALIDATION_FAILED');
  });

  it('lists and reads items, updates alt/caption/focal point with If-Match', async () => {
    const item = (await upload(await png(100, 50), 'edit.png').expect(201)).body.data;
    const listed = await request(t.http).get('/api/admin/media?limit=100').set(reader).expect(200);
    expect(listed.body.data.map((x: { id: string }) => x.id)).toContain(item.id);
    expect(listed.body.meta.pagination).toMatchObject({ limit: 100, page: 1 });
    const one = await request(t.http).get(`/api/admin/media/${item.id}`).set(reader).expect(200);
    expect(one.headers.etag).toBe(item.etag);

    const path = `/api/admin/media/${item.id}`;
    expectProblem(await request(t.http).patch(path).set(writer).send({ alt: 'x' }), 428, 'PRECONDITION_REQUIRED');
    expectProblem(await request(t.http).patch(path).set(writer).set('If-Match', '"stale:1"').send({ alt: 'x' }), 412, 'PRECONDITION_FAILED');
    expectProblem(await request(t.http).patch(path).set(writer).set('If-Match', item.etag).send({ focalPoint: { x: 3, y: 0 } }), 400, 'VALIDATION_FAILED');
    const updated = await request(t.http).patch(path).set(writer).set('If-Match', item.etag).send({ alt: 'New alt', focalPoint: { x: 0.1, y: 0.9 } }).expect(200);
    expect(updated.body.data).toMatchObject({ alt: 'New alt', caption: null, focalPoint: { x: expect.closeTo(0.1, 5), y: expect.closeTo(0.9, 5) } });
    const cleared = await request(t.http).patch(path).set(writer).set('If-Match', updated.headers.etag).send({ focalPoint: null }).expect(200);
    expect(cleared.body.data.focalPoint).toBeNull();
    expect((await t.prisma.auditEntry.findMany({ where: { targetId: item.id } })).map((a) => a.action)).toEqual(['media.created', 'media.updated', 'media.updated']);
  });

  it('refuses to delete an image a published post uses (409 naming it) unless forced, then removes the files', async () => {
    const item = (await upload(await png(120, 80), 'used.png').expect(201)).body.data;
    const post = await createDraft(t, editor);
    await request(t.http).post(`/api/admin/posts/${post.id}/publish`).set(bearer(editor)).set('If-Match', post.etag).send({}).expect(200);
    await t.prisma.$executeRaw`UPDATE posts SET feature_image_media_id = ${item.id}::uuid WHERE id = ${post.id}::uuid`;

    const refused = expectProblem(await request(t.http).delete(`/api/admin/media/${item.id}`).set(writer), 409, 'CONFLICT');
    expect(refused.detail).toContain(post.post.slug);
    expect(refused.errors?.[0].field).toBe(`posts.${post.id}`);
    expect(existsSync(onDisk(item.url))).toBe(true);

    await request(t.http).delete(`/api/admin/media/${item.id}?force=true`).set(writer).expect(204);
    expect(existsSync(onDisk(item.url))).toBe(false);
    for (const variant of item.variants) expect(existsSync(onDisk(variant.url))).toBe(false);
    expect(existsSync(join(onDisk(item.url), '..'))).toBe(false);
    const row = await t.prisma.post.findUniqueOrThrow({ where: { id: post.id }, select: { featureImageMediaId: true } });
    expect(row.featureImageMediaId).toBeNull();
    expectProblem(await request(t.http).get(`/api/admin/media/${item.id}`).set(reader), 404, 'NOT_FOUND');
    expectProblem(await request(t.http).get(new URL(item.url).pathname), 404, 'NOT_FOUND');
  });

  it('deletes an image that only drafts use, and honours a given If-Match', async () => {
    const item = (await upload(await png(30, 30), 'draft-only.png').expect(201)).body.data;
    const post = await createDraft(t, editor);
    await t.prisma.$executeRaw`INSERT INTO post_media (post_id, media_id) VALUES (${post.id}::uuid, ${item.id}::uuid)`;
    expectProblem(await request(t.http).delete(`/api/admin/media/${item.id}`).set(writer).set('If-Match', '"old:1"'), 412, 'PRECONDITION_FAILED');
    await request(t.http).delete(`/api/admin/media/${item.id}`).set(writer).set('If-Match', item.etag).expect(204);
    expect(await t.prisma.postMedia.count({ where: { postId: post.id } })).toBe(0);
    expect((await t.prisma.auditEntry.findMany({ where: { targetId: item.id } })).map((a) => a.action)).toEqual(['media.created', 'media.deleted']);
  });

  it('guards every route: no token 401, media:read cannot write, other scopes cannot read', async () => {
    const item = (await upload(await png(20, 20), 'guarded.png').expect(201)).body.data;
    const content = bearer(await issueToken(t, ['content:read', 'content:write']));
    expectProblem(await request(t.http).get('/api/admin/media'), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).post('/api/admin/media').attach('file', await png(20, 20), 'x.png'), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).get('/api/admin/media').set(content), 403, 'FORBIDDEN');
    expectProblem(await request(t.http).post('/api/admin/media').set(reader).attach('file', await png(20, 20), 'x.png'), 403, 'FORBIDDEN');
    expectProblem(await request(t.http).patch(`/api/admin/media/${item.id}`).set(reader).set('If-Match', item.etag).send({ alt: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await request(t.http).delete(`/api/admin/media/${item.id}`).set(reader), 403, 'FORBIDDEN');
    const anonymous = await gql(t, `{ media { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const denied = await gql(t, `mutation($id: ID!) { deleteMedia(id: $id) { id } }`, { id: item.id }, reader);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('works over GraphQL: mediaItem, media connection, updateMedia and deleteMedia(force)', async () => {
    const item = (await upload(await png(200, 100), 'graph.png', { alt: 'G' }).expect(201)).body.data;
    const read = await gql(t, `query($id: ID!) { mediaItem(id: $id) { id url width height alt srcset placeholder dominantColor etag variants { width format url } } media(limit: 100) { totalCount nodes { id } } }`, { id: item.id }, reader);
    expect(read.errors).toBeUndefined();
    expect(read.data?.mediaItem).toMatchObject({ id: item.id, url: item.url, width: 200, height: 100, alt: 'G', srcset: item.srcset, etag: item.etag });
    expect(read.data?.media.nodes.map((n: { id: string }) => n.id)).toContain(item.id);

    const updated = await gql(t, `mutation($id: ID!, $etag: String) { updateMedia(id: $id, ifMatch: $etag, input: { caption: "C", focalPoint: { x: 0.5, y: 0.5 } }) { caption focalPoint { x y } etag } }`, { id: item.id, etag: item.etag }, writer);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateMedia).toMatchObject({ caption: 'C', focalPoint: { x: 0.5, y: 0.5 } });
    const stale = await gql(t, `mutation($id: ID!) { updateMedia(id: $id, ifMatch: "\\"x:1\\"", input: { alt: "x" }) { id } }`, { id: item.id }, writer);
    expect(stale.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');

    const post = await createDraft(t, editor);
    await request(t.http).post(`/api/admin/posts/${post.id}/publish`).set(bearer(editor)).set('If-Match', post.etag).send({}).expect(200);
    await t.prisma.$executeRaw`INSERT INTO post_media (post_id, media_id) VALUES (${post.id}::uuid, ${item.id}::uuid)`;
    const conflict = await gql(t, `mutation($id: ID!) { deleteMedia(id: $id) { id } }`, { id: item.id }, writer);
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    const forced = await gql(t, `mutation($id: ID!) { deleteMedia(id: $id, force: true) { id url } }`, { id: item.id }, writer);
    expect(forced.data?.deleteMedia).toEqual({ id: item.id, url: item.url });
    expect((await gql(t, `query($id: ID!) { mediaItem(id: $id) { id } }`, { id: item.id }, reader)).data?.mediaItem).toBeNull();
  });

  /** Sends a path as is (supertest would normalise dot segments away). */
  function rawGet(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const server = t.http as unknown as { address(): AddressInfo | null; listen(port: number): void };
      if (!server.address()) server.listen(0);
      const { port } = server.address()!;
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** A multipart upload without Content-Length (chunked), so only the streaming limit can stop it. */
  function chunkedUpload(file: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const server = t.http as unknown as { address(): AddressInfo | null; listen(port: number): void };
      if (!server.address()) server.listen(0);
      const { port } = server.address()!;
      const boundary = 'bylineboundary';
      const req = httpRequest(
        {
          host: '127.0.0.1', port, path: '/api/admin/media', method: 'POST', agent: false,
          headers: { ...writer, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      for (let offset = 0; offset < file.length; offset += 16 * 1024) req.write(file.subarray(offset, offset + 16 * 1024));
      req.end(`\r\n--${boundary}--\r\n`);
    });
  }
});
