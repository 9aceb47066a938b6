import { sniffImageFormat } from './image-format';
import { variantWidths } from './image-processor';

describe('sniffImageFormat', () => {
  it('recognises formats by their leading bytes only', () => {
    expect(sniffImageFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniffImageFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffImageFormat(Buffer.from('GIF89a......'))).toBe('gif');
    expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    const avif = Buffer.alloc(32);
    avif.writeUInt32BE(28, 0);
    avif.write('ftypavif', 4, 'latin1');
    expect(sniffImageFormat(avif)).toBe('avif');
    avif.write('heic', 8, 'latin1');
    expect(sniffImageFormat(avif)).toBeNull();
  });

  it('calls SVG what it is and everything else nothing', () => {
    expect(sniffImageFormat(Buffer.from('\uFEFF  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg');
    expect(sniffImageFormat(Buffer.from('hello, I am a text file named photo.jpg'))).toBeNull();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe('variantWidths', () => {
  it('never upscales and includes the image width when within the configured range', () => {
    expect(variantWidths(1000, [320, 640, 1280])).toEqual([320, 640, 1000]);
    expect(variantWidths(4000, [320, 640, 1280])).toEqual([320, 640, 1280]);
    expect(variantWidths(200, [320, 640])).toEqual([200]);
    expect(variantWidths(640, [320, 640])).toEqual([320, 640]);
  });
});
