import { socialLinksOutput } from '../labels/domain/social-links';
import { given, LabelSpec } from '../labels/label-spec';
import type { CreateTagInput } from './dto/create-tag.input';
import type { UpdateTagInput } from './dto/update-tag.input';
import type { TagModel } from './models/tag.model';

/** Tags: a description and an image from the media library. */
export const TAG_LABEL: LabelSpec<'tag', TagModel, CreateTagInput, UpdateTagInput> = {
  kind: 'tag',
  title: 'Tag',
  imageInput: 'imageId',
  extras: ['image', 'social'],
  updatable: ['name', 'slug', 'description', 'imageId', 'social'],
  imageIdOf: (input) => input.imageId,
  ownFields: (input) => given({ description: input.description, imageMediaId: input.imageId }),
  toModel: (row, images) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    image: images.resolve(row.mediaImage, null, null, null),
    social: socialLinksOutput(row.social),
    postCount: row.postCount,
  }),
};
