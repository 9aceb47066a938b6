/** One stored rendition of a library image (the row's `variants` json). */
export interface StoredVariant {
  width: number;
  height: number;
  /** `webp`, `avif`, or the original's format (`jpeg`, `png`, `gif`). */
  format: string;
  /** Storage key; the public URL is the media base URL + '/' + key. */
  key: string;
  bytes: number;
}

/** What a read needs of a `media` row to describe the image (selected by `mediaImageJson`). */
export interface MediaImageRow {
  id: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  alt: string | null;
  caption: string | null;
  focalX: number | null;
  focalY: number | null;
  placeholder: string | null;
  dominantColor: string | null;
  variants: StoredVariant[];
}

export interface ImageVariant {
  url: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
}

/**
 * An image as every read returns it (feature images, media items, avatars, label images, settings).
 * Images that are plain URLs (not from the library) have only `url`, `alt` and `caption`.
 */
export interface Image {
  mediaId: string | null;
  url: string;
  width: number | null;
  height: number | null;
  alt: string | null;
  caption: string | null;
  /** `srcset` of the variants in the original's format, for `<img srcset>`; null without variants. */
  srcset: string | null;
  variants: ImageVariant[];
  /** ThumbHash of the image, base64: a ~30-byte blurred preview to paint while it loads. */
  placeholder: string | null;
  dominantColor: string | null;
  focalPoint: { x: number; y: number } | null;
}

export function mediaUrl(baseUrl: string, key: string): string {
  return `${baseUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

const ORIGINAL_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** The srcset of the variants in the original's own format, which every browser can show. */
export function srcsetOf(baseUrl: string, row: Pick<MediaImageRow, 'mimeType' | 'variants'>): string | null {
  const format = ORIGINAL_FORMATS[row.mimeType];
  const own = row.variants.filter((variant) => variant.format === format);
  if (!own.length) return null;
  return own.map((variant) => `${mediaUrl(baseUrl, variant.key)} ${variant.width}w`).join(', ');
}

/**
 * Describes a library image. `overrides` are what the referencing place says of it (a post's own
 * alt or caption for its feature image); they win over the library's text when set.
 */
export function toImage(
  baseUrl: string,
  row: MediaImageRow,
  overrides: { alt?: string | null; caption?: string | null } = {},
): Image {
  return {
    mediaId: row.id,
    url: mediaUrl(baseUrl, row.storageKey),
    width: row.width,
    height: row.height,
    alt: overrides.alt ?? row.alt,
    caption: overrides.caption ?? row.caption,
    srcset: srcsetOf(baseUrl, row),
    variants: row.variants.map((variant) => ({
      url: mediaUrl(baseUrl, variant.key),
      width: variant.width,
      height: variant.height,
      format: variant.format,
      bytes: variant.bytes,
    })),
    placeholder: row.placeholder,
    dominantColor: row.dominantColor,
    focalPoint: row.focalX === null || row.focalY === null ? null : { x: row.focalX, y: row.focalY },
  };
}

/** An image that is only a URL (written before the library existed, or hosted elsewhere). */
export function externalImage(url: string, alt: string | null, caption: string | null): Image {
  return {
    mediaId: null, url, width: null, height: null, alt, caption,
    srcset: null, variants: [], placeholder: null, dominantColor: null, focalPoint: null,
  };
}
