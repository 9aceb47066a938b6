import { Injectable } from '@nestjs/common';
import { LabelsRepository } from '../labels/data/labels.repository';
import { LabelsService } from '../labels/labels.service';
import { MediaImagesService } from '../media/media-images.service';
import { AuthorModel } from './models/author.model';
import { AUTHOR_LABEL } from './author.label';

/** Public author use cases, shared by the REST controller, the GraphQL resolver and posts. */
@Injectable()
export class AuthorsService extends LabelsService<'author', AuthorModel> {
  constructor(labels: LabelsRepository, images: MediaImagesService) {
    super(AUTHOR_LABEL, labels, images);
  }

  authorsForPosts(postIds: readonly string[]): Promise<Map<string, AuthorModel[]>> {
    return this.forPosts(postIds);
  }
}
