import sharp from 'sharp';
import { ImageRejected, processImage } from './image-processor';

describe('processImage', () => {
  it('produces variants that are never upscaled, a ThumbHash and the dominant colour', async () => {
    const input = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#204080' } }).png().toBuffer();
    const image = await processImage(input, { widths: [100, 600], maxPixels: 1_000_000 });
    expect(image).toMatchObject({ format: 'png', mimeType: 'image/png', width: 300, height: 200, dominantColor: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(image.variants.map((v) => `${v.name}:${v.width}x${v.height}`)).toEqual([
      'w100.webp:100x67', 'w100.avif:100x67', 'w100.png:100x67', 'w300.webp:300x200', 'w300.avif:300x200', 'w300.png:300x200',
    ]);
    expect(Buffer.from(image.placeholder, 'base64').length).toBeGreaterThan(5);
  });

  it('rejects images with more pixels than allowed before decoding them', async () => {
    const input = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#000' } }).png().toBuffer();
    await expect(processImage(input, { widths: [100], maxPixels: 1_000_000 })).rejects.toEqual(expect.objectContaining({ reason: 'too-many-pixels' }));
    await expect(processImage(Buffer.from('<svg/>'), { widths: [100], maxPixels: 10 })).rejects.toBeInstanceOf(ImageRejected);
  });
});
