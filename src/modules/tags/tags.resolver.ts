import { Resolver } from '@nestjs/graphql';
import { LabelsPublicResolver } from '../labels/labels.resolver';
import { TagConnection } from './models/tag-connection.model';
import { TagModel } from './models/tag.model';
import { TagsService } from './tags.service';

@Resolver(() => TagModel)
export class TagsResolver extends LabelsPublicResolver(
  { model: TagModel, connection: TagConnection },
  { one: 'tag', many: 'tags', noun: 'tag', list: 'Tags that label at least one published post, by name.' },
) {
  constructor(tags: TagsService) {
    super(tags);
  }
}
