import { externalImage, Image, MediaImageRow, toImage } from '../media/domain/image';
import type { LabelReadRows } from './data/label-read-model';
import type { LabelKind } from './label-kind';
import type { LabelSpec } from './label-spec';
import type { LabelModel } from './models/label.model';

/** How a label's model gets its image (MediaImagesService is one). */
export interface ImageResolver {
  resolve(row: MediaImageRow | null, url: string | null, alt: string | null, caption: string | null): Image | null;
}

/** MediaImagesService.resolve's rule as a plain function of the media base URL, for pure mappers. */
export function imageResolver(mediaBaseUrl: string): ImageResolver {
  return {
    resolve: (row, url, alt, caption) => (row ? toImage(mediaBaseUrl, row, { alt, caption }) : url ? externalImage(url, alt, caption) : null),
  };
}

/**
 * The public model of a label row another module's SQL embedded with `labelJson`
 * (posts embed their tags and authors): `presentLabel(TAG_LABEL, row, config.media.publicUrl)`.
 */
export function presentLabel<K extends LabelKind, M extends LabelModel>(
  spec: LabelSpec<K, M, never, never>,
  row: LabelReadRows[K],
  mediaBaseUrl: string,
): M {
  return spec.toModel(row, imageResolver(mediaBaseUrl));
}
