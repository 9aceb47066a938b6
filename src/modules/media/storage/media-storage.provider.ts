import type { AppConfig } from '../../../config/app-config';
import { LocalMediaStorage } from './local-media-storage';
import { MediaStorage } from './media-storage';

export function mediaStorageFor(config: AppConfig): MediaStorage {
  if (config.media.storage !== 's3') return new LocalMediaStorage(config.media.dir);
  // The AWS SDK (~20 MB resident) is loaded only when media live in a bucket.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3MediaStorage } = require('./s3-media-storage') as typeof import('./s3-media-storage');
  return new S3MediaStorage(config.media.s3);
}
