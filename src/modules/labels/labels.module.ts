import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { LabelWritesRepository } from './data/label-writes.repository';
import { LabelsRepository } from './data/labels.repository';
import { LabelsDependencies } from './labels-dependencies';

/** The shared label mechanism: the data layer every label kind's module (tags, authors) builds on. */
@Module({
  imports: [MediaModule],
  providers: [LabelsRepository, LabelWritesRepository, LabelsDependencies],
  exports: [LabelsDependencies],
})
export class LabelsModule {}
