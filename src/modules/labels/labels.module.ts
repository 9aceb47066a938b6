import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { LabelWritesRepository } from './data/label-writes.repository';
import { LabelsRepository } from './data/labels.repository';

/** The shared label mechanism: the data layer every label kind's module (tags, authors) builds on. */
@Module({
  imports: [MediaModule],
  providers: [LabelsRepository, LabelWritesRepository],
  exports: [LabelsRepository, LabelWritesRepository, MediaModule],
})
export class LabelsModule {}
