import type { Metadata, Sharp, SharpOptions } from 'sharp';
// ES module only: Node (>= 20.19, see engines) require()s it natively; jest.config.js compiles it for the tests.
import { rgbaToThumbHash } from 'thumbhash';
import { EXTENSIONS, ImageFormat, MIME_TYPES, sniffImageFormat } from './image-format';

type SharpFactory = typeof import('sharp');
let sharpFactory: SharpFactory | undefined;

/** libvips (~18 MB resident) loads with the first image processed, not at start: most instances only serve reads. */
function sharp(input: Buffer, options?: SharpOptions): Sharp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sharpFactory ??= require('sharp') as SharpFactory;
  return sharpFactory(input, options);
}

export type RejectionReason = 'unsupported' | 'svg' | 'too-many-pixels' | 'undecodable';

/** An upload that is not an image the library takes; the service turns it into a problem (415/422). */
export class ImageRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejected';
  }
}

export interface EncodedFile {
  /** File name inside the item's folder: `original.jpg`, `w640.webp`, ... */
  name: string;
  format: string;
  contentType: string;
  width: number;
  height: number;
  body: Buffer;
}

export interface ProcessedImage {
  format: ImageFormat;
  mimeType: string;
  width: number;
  height: number;
  /** Re-encoded, oriented and without metadata: what is stored, never the uploaded bytes. */
  original: EncodedFile;
  /** Narrowest first; per width: webp, avif, then the original's format. */
  variants: EncodedFile[];
  /** ThumbHash, base64. */
  placeholder: string;
  /** `#rrggbb`. */
  dominantColor: string;
}

export interface ProcessingOptions {
  widths: readonly number[];
  maxPixels: number;
}

const ENCODERS: Record<string, (image: Sharp) => Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 82, progressive: true }),
  png: (image) => image.png({ compressionLevel: 8 }),
  gif: (image) => image.gif(),
  webp: (image) => image.webp({ quality: 80 }),
  // Effort 2 of 9: AVIF encoding is by far the slowest step; higher efforts shave a few % off the bytes.
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
};

const VARIANT_FORMATS = ['webp', 'avif'] as const;
/** The ThumbHash algorithm takes images up to 100×100. */
const PLACEHOLDER_SIZE = 100;

/**
 * Validates an upload by its content and produces everything the library stores: the oriented,
 * metadata-free original, variants at the configured widths (never upscaled), a ThumbHash and the
 * dominant colour. libvips does the work on its own threads, off the event loop.
 */
export async function processImage(input: Buffer, options: ProcessingOptions): Promise<ProcessedImage> {
  const format = await detect(input, options.maxPixels);
  // failOn 'error': truncated or corrupt data fails here rather than being stored half-decoded.
  const source = () => sharp(input, { limitInputPixels: options.maxPixels, failOn: 'error' });
  let original: EncodedFile;
  try {
    // rotate() with no angle applies the EXIF orientation; output carries no EXIF, XMP, IPTC or GPS.
    const { data, info } = await ENCODERS[format](source().rotate()).toBuffer({ resolveWithObject: true });
    original = { name: `original.${EXTENSIONS[format]}`, format, contentType: MIME_TYPES[format], width: info.width, height: info.height, body: data };
  } catch (error) {
    throw undecodable(error);
  }
  const variants: EncodedFile[] = [];
  for (const width of variantWidths(original.width, options.widths)) {
    const resized = sharp(original.body).resize({ width, withoutEnlargement: true });
    const formats = [...VARIANT_FORMATS, ...(VARIANT_FORMATS.includes(format as never) ? [] : [format])];
    const files = await Promise.all(
      formats.map(async (variantFormat) => {
        const { data, info } = await ENCODERS[variantFormat](resized.clone()).toBuffer({ resolveWithObject: true });
        const extension = EXTENSIONS[variantFormat as ImageFormat];
        return { name: `w${width}.${extension}`, format: variantFormat, contentType: MIME_TYPES[variantFormat as ImageFormat], width: info.width, height: info.height, body: data };
      }),
    );
    variants.push(...files);
  }
  const [placeholder, dominantColor] = await Promise.all([thumbHashOf(original.body), dominantColorOf(original.body)]);
  return { format, mimeType: MIME_TYPES[format], width: original.width, height: original.height, original, variants, placeholder, dominantColor };
}

/** The configured widths below the image's own, plus its own when it is within the largest configured one. */
export function variantWidths(imageWidth: number, widths: readonly number[]): number[] {
  const below = widths.filter((width) => width < imageWidth);
  const largest = widths.at(-1) ?? 0;
  return imageWidth <= largest ? [...below, imageWidth] : below;
}

async function detect(input: Buffer, maxPixels: number): Promise<ImageFormat> {
  const sniffed = sniffImageFormat(input);
  if (sniffed === 'svg') {
    throw new ImageRejected('svg', 'SVG images are not accepted: they can carry scripts. Upload a PNG, JPEG, WebP, AVIF or GIF instead.');
  }
  if (sniffed === null) {
    throw new ImageRejected('unsupported', 'The file is not a JPEG, PNG, WebP, AVIF or GIF image (judged by its content, not its name or declared type).');
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw undecodable(error);
  }
  // The container must agree with the leading bytes (AVIF is HEIF with AV1 inside).
  const expected = sniffed === 'avif' ? 'heif' : sniffed;
  if (metadata.format !== expected || (sniffed === 'avif' && metadata.compression !== 'av1')) {
    throw new ImageRejected('undecodable', `The file starts like ${sniffed.toUpperCase()} but is not a valid ${sniffed.toUpperCase()} image.`);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width * height > maxPixels) {
    throw new ImageRejected(
      'too-many-pixels',
      `The image declares ${width}×${height} pixels; at most ${maxPixels} pixels are accepted (MEDIA_MAX_PIXELS).`,
    );
  }
  return sniffed;
}

function undecodable(error: unknown): ImageRejected {
  if (error instanceof ImageRejected) return error;
  const message = error instanceof Error ? error.message : '';
  if (/pixel limit/i.test(message)) {
    return new ImageRejected('too-many-pixels', 'The image has more pixels than accepted (MEDIA_MAX_PIXELS).');
  }
  return new ImageRejected('undecodable', 'The image data is corrupt or truncated and could not be decoded.');
}

async function thumbHashOf(image: Buffer): Promise<string> {
  const { data, info } = await sharp(image)
    .resize(PLACEHOLDER_SIZE, PLACEHOLDER_SIZE, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
}

async function dominantColorOf(image: Buffer): Promise<string> {
  const { dominant } = await sharp(image).stats();
  return `#${[dominant.r, dominant.g, dominant.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
