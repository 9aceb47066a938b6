import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { freePort } from '../../helpers/free-port';
import { jpegWithExif } from '../../helpers/media-images';
import { bearer, issueToken } from '../../helpers/tokens';

// s3rver ships no type declarations: the little of it this test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<unknown>; close(): Promise<void> };

const BUCKET = 'byline-media';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A real S3-compatible server (s3rver, from npm) on a free loopback port, storing under a temp folder. */
describe('media library on an S3-compatible bucket', () => {
  let t: TestApp;
  let server: InstanceType<typeof S3rver>;
  let dir: string;
  let endpoint: string;
  let s3: S3Client;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'byline-s3rver-'));
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    await server.run();
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    t = await createTestApp({
      env: {
        MEDIA_STORAGE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
        MEDIA_PUBLIC_URL: `${endpoint}/${BUCKET}`, MEDIA_WIDTHS: '160,320',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    s3?.destroy();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const keysInBucket = async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  };

  it('stores the original and every variant in the bucket, with immutable caching, and removes them all on delete', async () => {
    const token = bearer(await issueToken(t, ['media:read', 'media:write']));
    const res = await request(t.http).post('/api/admin/media').set(token).attach('file', await jpegWithExif(400, 300), 'bucket.jpg').expect(201);
    const item = res.body.data;
    expect(item.url).toBe(`${endpoint}/${BUCKET}/${item.url.split(`/${BUCKET}/`)[1]}`);
    const keys = [item.url, ...item.variants.map((v: { url: string }) => v.url)].map((url: string) => url.split(`/${BUCKET}/`)[1]).sort();
    expect(keys).toHaveLength(1 + 2 * 3);
    expect(await keysInBucket()).toEqual(keys);

    const original = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: item.url.split(`/${BUCKET}/`)[1] }));
    expect(original.ContentType).toBe('image/jpeg');
    expect(original.CacheControl).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await original.Body!.transformToByteArray());
    const meta = await sharp(bytes).metadata();
    expect({ width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ width: 300, height: 400, exif: undefined });
    // The public URL is the bucket's: a browser fetches the variant from there.
    const variant = await fetch(item.variants.find((v: { format: string }) => v.format === 'avif').url);
    expect(variant.status).toBe(200);
    expect((await sharp(Buffer.from(await variant.arrayBuffer())).metadata()).format).toBe('heif');

    // The API does not serve files itself in this mode.
    expect((await request(t.http).get(new URL(item.url).pathname.replace(`/${BUCKET}`, '/media'))).status).toBe(404);

    await request(t.http).delete(`/api/admin/media/${item.id}`).set(token).expect(204);
    expect(await keysInBucket()).toEqual([]);
  });
});
