import sharp from 'sharp';

/** A real JPEG with a gradient, EXIF orientation 6 (rotate 90°) and identifying EXIF fields to strip. */
export async function jpegWithExif(width = 640, height = 400): Promise<Buffer> {
  return sharp(await gradient(width, height))
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Copyright: 'Byline test secret', Artist: 'Jane Secret', Make: 'TestCam' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export async function png(width = 500, height = 300): Promise<Buffer> {
  return sharp(await gradient(width, height)).png().toBuffer();
}

/** Random pixels: incompressible, so the file is about width × height × 3 bytes. */
export function noisePng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

/** A small file that decodes to many pixels: one flat colour compresses to almost nothing. */
export function flatPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366aa' } }).png({ compressionLevel: 9 }).toBuffer();
}

async function gradient(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round((x / width) * 255);
      pixels[i + 1] = Math.round((y / height) * 255);
      pixels[i + 2] = 160;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer();
}
