import { Controller, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { LabelsAdminController } from '../labels/labels-admin.controller';
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AdminAuthorModel } from './models/admin-author.model';
import { AuthorsAdminService } from './authors-admin.service';

@ApiTags('admin: authors')
@ApiBearerAuth()
@Controller('api/admin/authors')
@SetMetadata(PRIVATE_RESPONSE, true)
export class AuthorsAdminController extends LabelsAdminController(
  { model: AdminAuthorModel, create: CreateAuthorInput, update: UpdateAuthorInput },
  {
    list: 'Every author profile, with or without posts, by name, each with its ETag. Never an e-mail.',
    get: 'One author (with or without posts); the ETag header is what PATCH and DELETE expect in If-Match.',
    create: 'Create an author profile (public fields only). The slug is generated from the name (made unique) unless given; a taken explicit slug is 409. `avatarId` must name a media library item.',
    update: 'Change name, slug, bio, avatar, website or social links of an author. Requires If-Match.',
    delete: 'Delete an author and remove them from every post. Requires If-Match.',
  },
) {
  constructor(authors: AuthorsAdminService) {
    super(authors);
  }
}
