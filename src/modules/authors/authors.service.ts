import { Injectable } from '@nestjs/common';
import { LabelsDependencies } from '../labels/labels-dependencies';
import { LabelsService } from '../labels/labels.service';
import { AuthorModel } from './models/author.model';
import { AUTHOR_LABEL } from './author.label';

/** Public author use cases, shared by the REST controller, the GraphQL resolver and posts. */
@Injectable()
export class AuthorsService extends LabelsService<'author', AuthorModel> {
  constructor(labels: LabelsDependencies) {
    super(AUTHOR_LABEL, labels);
  }

  authorsForPosts(postIds: readonly string[]): Promise<Map<string, AuthorModel[]>> {
    return this.forPosts(postIds);
  }
}
