import { Resolver } from '@nestjs/graphql';
import { LabelsAdminResolver } from '../labels/labels-admin.resolver';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { AdminTagModel } from './models/admin-tag.model';
import { TagsAdminService } from './tags-admin.service';

@Resolver(() => AdminTagModel)
export class TagsAdminResolver extends LabelsAdminResolver(
  { model: AdminTagModel, create: CreateTagInput, update: UpdateTagInput },
  {
    title: 'Tag',
    noun: 'tag',
    create: 'Create a tag; the slug is generated from the name unless given (CONFLICT when taken).',
    update: 'Change a tag; requires its current etag as `ifMatch`.',
    delete: 'Delete a tag and remove it from every post; returns the tag as it was.',
  },
) {
  constructor(tags: TagsAdminService) {
    super(tags);
  }
}
