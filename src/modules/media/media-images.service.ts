import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PrismaService } from '../../database/prisma.service';
import { findMediaImageRows } from './data/media-read-model';
import { externalImage, Image, MediaImageRow, toImage } from './domain/image';

/**
 * Turns library rows into the `Image` every read returns. Other modules either join `media` in their
 * own statement (`mediaImageJson`) and call `fromRow`, or hold ids and call `byIds` (one statement).
 */
@Injectable()
export class MediaImagesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
  ) {}

  fromRow(row: MediaImageRow, overrides?: { alt?: string | null; caption?: string | null }): Image {
    return toImage(this.config.media.publicUrl, row, overrides);
  }

  /** A library image when `row` is set, else a URL-only image when `url` is, else null. */
  resolve(row: MediaImageRow | null, url: string | null, alt: string | null, caption: string | null): Image | null {
    if (row) return this.fromRow(row, { alt, caption });
    return url ? externalImage(url, alt, caption) : null;
  }

  async byIds(ids: readonly string[]): Promise<Map<string, Image>> {
    const rows = await findMediaImageRows(this.prisma.readPool, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, this.fromRow(row)]));
  }
}
