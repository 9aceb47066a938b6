import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MediaRepository } from './data/media.repository';
import { MediaAdminController } from './media-admin.controller';
import { MediaAdminResolver } from './media-admin.resolver';
import { MediaImagesService } from './media-images.service';
import { MediaLibraryService } from './media-library.service';
import { mediaStorageFor } from './storage/media-storage.provider';
import { MEDIA_STORAGE } from './storage/media-storage';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // Multer's default storage is memory, never more than MEDIA_MAX_BYTES: it stops reading at the limit (413).
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.media.maxBytes, files: 1, fields: 8, fieldSize: 16 * 1024, parts: 10, headerPairs: 50 },
      }),
    }),
  ],
  controllers: [MediaAdminController],
  providers: [
    MediaImagesService,
    MediaRepository,
    MediaLibraryService,
    MediaAdminResolver,
    { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: mediaStorageFor },
  ],
  exports: [MediaImagesService, MediaLibraryService],
})
export class MediaModule {}
