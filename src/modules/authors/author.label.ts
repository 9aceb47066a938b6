import { socialLinksOutput } from '../labels/domain/social-links';
import { given, LabelSpec } from '../labels/label-spec';
import type { CreateAuthorInput } from './dto/create-author.input';
import type { UpdateAuthorInput } from './dto/update-author.input';
import type { AuthorModel } from './models/author.model';

/**
 * Authors: a bio, a website, and a portrait that is a library image (`avatarId`) or, for profiles
 * from before the library, only a URL (`avatarUrl`, kept in the output for compatibility).
 */
export const AUTHOR_LABEL: LabelSpec<'author', AuthorModel, CreateAuthorInput, UpdateAuthorInput> = {
  kind: 'author',
  title: 'Author',
  imageInput: 'avatarId',
  extras: ['avatar', 'social'],
  updatable: ['name', 'slug', 'bio', 'avatarUrl', 'avatarId', 'website', 'social'],
  imageIdOf: (input) => input.avatarId,
  ownFields: (input) => given({ bio: input.bio, avatarUrl: input.avatarUrl, avatarMediaId: input.avatarId, website: input.website }),
  toModel: (row, images) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    bio: row.bio,
    avatarUrl: row.avatarUrl,
    avatar: images.resolve(row.mediaImage, row.avatarUrl, null, null),
    website: row.website,
    social: socialLinksOutput(row.social),
    postCount: row.postCount,
  }),
};
