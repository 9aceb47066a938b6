import { Controller, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { LabelsAdminController } from '../labels/labels-admin.controller';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { AdminTagModel } from './models/admin-tag.model';
import { TagsAdminService } from './tags-admin.service';

@ApiTags('admin: tags')
@ApiBearerAuth()
@Controller('api/admin/tags')
@SetMetadata(PRIVATE_RESPONSE, true)
export class TagsAdminController extends LabelsAdminController(
  { model: AdminTagModel, create: CreateTagInput, update: UpdateTagInput },
  {
    list: 'Every tag, used or not, by name, each with its ETag.',
    get: 'One tag (used or not); the ETag header is what PATCH and DELETE expect in If-Match.',
    create: 'Create a tag. The slug is generated from the name (made unique) unless given; a taken explicit slug is 409. `imageId` must name a media library item.',
    update: 'Change name, slug, description, image or social links of a tag. Requires If-Match.',
    delete: 'Delete a tag and remove it from every post (related posts and search follow). Requires If-Match.',
  },
) {
  constructor(tags: TagsAdminService) {
    super(tags);
  }
}
