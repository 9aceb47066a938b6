import type { AppConfig } from '../../../config/app-config';
import { LocalMediaStorage } from './local-media-storage';
import { MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-media-storage';

export function mediaStorageFor(config: AppConfig): MediaStorage {
  return config.media.storage === 's3' ? new S3MediaStorage(config.media.s3) : new LocalMediaStorage(config.media.dir);
}
