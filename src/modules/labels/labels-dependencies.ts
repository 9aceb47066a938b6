import { Injectable } from '@nestjs/common';
import { MediaImagesService } from '../media/media-images.service';
import { LabelWritesRepository } from './data/label-writes.repository';
import { LabelsRepository } from './data/labels.repository';

/**
 * What the shared label services work with, handed as one to each kind's services, so that the kinds'
 * modules never import the labels data layer themselves.
 */
@Injectable()
export class LabelsDependencies {
  constructor(
    readonly reads: LabelsRepository,
    readonly writes: LabelWritesRepository,
    readonly images: MediaImagesService,
  ) {}
}
