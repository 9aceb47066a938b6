import { Injectable } from '@nestjs/common';
import { LabelsDependencies } from '../labels/labels-dependencies';
import { LabelsService } from '../labels/labels.service';
import { TagModel } from './models/tag.model';
import { TAG_LABEL } from './tag.label';

/** Public tag use cases, shared by the REST controller, the GraphQL resolver, posts and feeds. */
@Injectable()
export class TagsService extends LabelsService<'tag', TagModel> {
  constructor(labels: LabelsDependencies) {
    super(TAG_LABEL, labels);
  }

  tagsForPosts(postIds: readonly string[]): Promise<Map<string, TagModel[]>> {
    return this.forPosts(postIds);
  }
}
