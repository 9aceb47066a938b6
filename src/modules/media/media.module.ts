import { Module } from '@nestjs/common';
import { MediaImagesService } from './media-images.service';

@Module({
  providers: [MediaImagesService],
  exports: [MediaImagesService],
})
export class MediaModule {}
