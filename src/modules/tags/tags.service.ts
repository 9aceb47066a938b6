import { Injectable } from '@nestjs/common';
import { LabelsRepository } from '../labels/data/labels.repository';
import { LabelsService } from '../labels/labels.service';
import { MediaImagesService } from '../media/media-images.service';
import { TagModel } from './models/tag.model';
import { TAG_LABEL } from './tag.label';

/** Public tag use cases, shared by the REST controller, the GraphQL resolver, posts and feeds. */
@Injectable()
export class TagsService extends LabelsService<'tag', TagModel> {
  constructor(labels: LabelsRepository, images: MediaImagesService) {
    super(TAG_LABEL, labels, images);
  }

  tagsForPosts(postIds: readonly string[]): Promise<Map<string, TagModel[]>> {
    return this.forPosts(postIds);
  }
}
