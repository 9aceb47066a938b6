import type { ImageResolver } from './present-label';
import type { LabelFields } from './data/label-writes.repository';
import type { LabelReadRows } from './data/label-read-model';
import type { LabelKind } from './label-kind';
import type { LabelModel } from './models/label.model';

/**
 * What makes one kind of label different from another, in one small object per kind (tags/tag.label.ts,
 * authors/author.label.ts): its names, the fields only it has, and how its image is named and shown.
 * Everything else (reads, writes, slugs, ETags, audit, REST and GraphQL plumbing) is shared.
 */
export interface LabelSpec<K extends LabelKind, M extends LabelModel, C, U> {
  kind: K;
  /** 'Tag': in messages ("Tag x was not found"). */
  title: string;
  /** The input field that names a library image ('imageId', 'avatarId'). */
  imageInput: string;
  /** Output fields that came with images and social links (see POSTS_EMBED_LABEL_EXTRAS). */
  extras: readonly (keyof M & string)[];
  /** Input fields an update may carry, for the message when it carries none. */
  updatable: readonly string[];
  /** The library image id an input gives: undefined when absent, null to remove it. */
  imageIdOf(input: C | U): string | null | undefined;
  /** The kind's own columns (Prisma field names) from an input; absent fields are left out. */
  ownFields(input: C | U): Partial<LabelFields[K]>;
  /** The public model of a read row. */
  toModel(row: LabelReadRows[K], images: ImageResolver): M;
}

/** Drops the keys whose value is undefined (absent from the input). */
export function given<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
