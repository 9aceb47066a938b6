import { Injectable } from '@nestjs/common';
import { LabelsDependencies } from '../labels/labels-dependencies';
import { LabelsAdminService } from '../labels/labels-admin.service';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { TagModel } from './models/tag.model';
import { TAG_LABEL } from './tag.label';

/** Editor use cases for tags, shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class TagsAdminService extends LabelsAdminService<'tag', TagModel, CreateTagInput, UpdateTagInput> {
  constructor(labels: LabelsDependencies) {
    super(TAG_LABEL, labels);
  }
}
