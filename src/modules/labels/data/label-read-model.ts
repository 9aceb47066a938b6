import { Prisma } from '../../../generated/prisma/client';
import { mediaImageJson } from '../../media/data/media-read-model';
import type { MediaImageRow } from '../../media/domain/image';
import type { SocialLinks } from '../domain/social-links';
import type { LabelKind } from '../label-kind';

/**
 * The labels module's read contract: how a tag or author row reads, for its own reads and for other
 * modules' SQL (posts embed their tags and authors with `labelJson`). Constant identifiers only.
 */
export const LABEL_TABLES = {
  tag: {
    title: 'Tag',
    table: 'tags',
    links: 'post_tags',
    linkColumn: 'tag_id',
    imageColumn: 'image_media_id',
    /** Output key → column, for what only this kind has. */
    own: { description: 'description' },
    /** Related-post scores use tag ids: removing a tag from posts re-scores them. */
    rescoresRelated: true,
  },
  author: {
    title: 'Author',
    table: 'authors',
    links: 'post_authors',
    linkColumn: 'author_id',
    imageColumn: 'avatar_media_id',
    own: { bio: 'bio', avatarUrl: 'avatar_url', website: 'website' },
    rescoresRelated: false,
  },
} as const satisfies Record<LabelKind, unknown>;

/** What every label row reads as; `mediaImage` is the library image (tag image, author avatar), unmapped. */
export interface LabelReadRow {
  id: string;
  slug: string;
  name: string;
  social: SocialLinks;
  mediaImage: MediaImageRow | null;
  postCount: number;
}

export type TagReadRow = LabelReadRow & { description: string | null };
export type AuthorReadRow = LabelReadRow & { bio: string | null; avatarUrl: string | null; website: string | null };
export interface LabelReadRows {
  tag: TagReadRow;
  author: AuthorReadRow;
}

/** The editor's view adds the timestamps its ETag is made of. */
export type AdminLabelRow<K extends LabelKind> = LabelReadRows[K] & { createdAt: Date; updatedAt: Date };

export const labelTable = (kind: LabelKind) => Prisma.raw(LABEL_TABLES[kind].table);

/**
 * JSON object of the label row `alias` of `kind` as `LabelReadRows[kind]`, its library image read in
 * the same statement. Map it with the labels module's presenter (`LabelPresenter`) before output.
 */
export function labelJson(kind: LabelKind, alias: string, postCount: Prisma.Sql): Prisma.Sql {
  const spec = LABEL_TABLES[kind];
  const t = Prisma.raw(alias);
  const own = Object.entries(spec.own).map(([key, column]) => Prisma.sql`${Prisma.raw(`'${key}'`)}, ${t}.${Prisma.raw(column)}`);
  return Prisma.sql`json_build_object('id', ${t}.id, 'slug', ${t}.slug, 'name', ${t}.name, ${Prisma.join(own, ', ')},
    'social', ${t}.social,
    'mediaImage', (SELECT ${mediaImageJson('lm')} FROM media lm WHERE lm.id = ${t}.${Prisma.raw(spec.imageColumn)}),
    'postCount', ${postCount})`;
}
