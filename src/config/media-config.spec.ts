import { ConfigValidationError, loadConfig } from './app-config';

describe('media configuration', () => {
  it('defaults to local storage under the project folder, sorted distinct widths and the API URL', () => {
    const media = loadConfig({ API_URL: 'https://api.example.com/', MEDIA_WIDTHS: '640, 320,640' }).media;
    expect(media).toMatchObject({ storage: 'local', publicUrl: 'https://api.example.com/media', widths: [320, 640], concurrency: 2 });
    expect(media.dir).toMatch(/\/\.data\/media$/);
    expect(loadConfig({}).media.widths).toEqual([320, 640, 960, 1280, 1920]);
  });

  it('requires a bucket and a public URL for S3 storage, and rejects malformed values', () => {
    expect(() => loadConfig({ MEDIA_STORAGE: 's3' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ MEDIA_WIDTHS: '320,big' })).toThrow(/MEDIA_WIDTHS/);
    expect(() => loadConfig({ MEDIA_MAX_BYTES: '12' })).toThrow(/MEDIA_MAX_BYTES/);
    expect(() => loadConfig({ MEDIA_STORAGE: 'ftp' })).toThrow(/MEDIA_STORAGE/);
    const s3 = loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'b', MEDIA_PUBLIC_URL: 'https://cdn.example.com/', S3_FORCE_PATH_STYLE: 'true' }).media;
    expect(s3).toMatchObject({ storage: 's3', publicUrl: 'https://cdn.example.com', s3: { bucket: 'b', region: 'us-east-1', forcePathStyle: true } });
  });
});
