import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { LabelsPublicController } from '../labels/labels.controller';
import { TagModel } from './models/tag.model';
import { TagsService } from './tags.service';

@ApiTags('tags')
@Public()
@Controller('api/tags')
export class TagsController extends LabelsPublicController(TagModel, {
  noun: 'tag',
  list: 'List tags that label at least one published post, by name.',
}) {
  constructor(tags: TagsService) {
    super(tags);
  }
}
