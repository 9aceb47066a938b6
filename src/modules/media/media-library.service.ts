import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { assertIfMatch, missingIfMatch, staleEtag } from '../../common/concurrency/updated-at-etag';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { DEFAULT_LIMIT } from '../../common/pagination/page.query';
import { Paginated, pageMeta } from '../../common/pagination/pagination.types';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { AuditActor } from '../audit/audit.service';
import { MediaRepository, MediaRow, MediaTextFields } from './data/media.repository';
import type { StoredVariant } from './domain/image';
import { toMediaItem } from './media.mapper';
import { MediaItemModel } from './models/media-item.model';
import { ConcurrencyLimit } from './processing/concurrency-limit';
import { ImageRejected, processImage, ProcessedImage } from './processing/image-processor';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';

const WHAT = 'media item';

/** An uploaded file as the transport hands it over (already size-limited while it was read). */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
}

export interface UploadFields {
  alt?: string | null;
  caption?: string | null;
  focalPoint?: { x: number; y: number } | null;
}

/** Editor use cases of the media library, shared by the REST controller and the GraphQL resolver. */
@Injectable()
export class MediaLibraryService {
  private readonly logger = new Logger(MediaLibraryService.name);
  private readonly processing: ConcurrencyLimit;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    private readonly media: MediaRepository,
  ) {
    this.processing = new ConcurrencyLimit(config.media.concurrency);
  }

  /**
   * Validates the file by its content, processes it once (original without metadata, variants, placeholder,
   * dominant colour), stores every file, then records the item. Files of a failed insert are removed.
   */
  async upload(file: UploadedFile | undefined, fields: UploadFields, actor: AuditActor): Promise<MediaItemModel> {
    if (!file || file.buffer.length === 0) {
      throw DomainError.validation('Send the image as the multipart part "file".', [{ field: 'file', message: 'file is required' }]);
    }
    const image = await this.processing.run(() => this.process(file.buffer));
    const id = randomUUID();
    const folder = `${new Date().toISOString().slice(0, 7).replace('-', '/')}/${id}`;
    const files = [image.original, ...image.variants];
    const keyOf = (name: string) => `${folder}/${name}`;
    const variants: StoredVariant[] = image.variants.map((v) => ({ width: v.width, height: v.height, format: v.format, key: keyOf(v.name), bytes: v.body.length }));
    const stored: string[] = [];
    try {
      for (const f of files) {
        await this.storage.put(keyOf(f.name), f.body, f.contentType);
        stored.push(keyOf(f.name));
      }
      const row = await this.media.insert(
        {
          id,
          storageKey: keyOf(image.original.name),
          filename: safeFilename(file.originalname),
          mimeType: image.mimeType,
          bytes: image.original.body.length,
          width: image.width,
          height: image.height,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          alt: fields.alt ?? null,
          caption: fields.caption ?? null,
          focalX: fields.focalPoint?.x ?? null,
          focalY: fields.focalPoint?.y ?? null,
          placeholder: image.placeholder,
          dominantColor: image.dominantColor,
          variants,
        },
        { ...actor, action: 'media.created' },
      );
      return toMediaItem(this.config.media.publicUrl, row);
    } catch (error) {
      await this.removeFiles(stored);
      throw error;
    }
  }

  async list(options: { limit?: number; page?: number }): Promise<Paginated<MediaItemModel>> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const page = options.page ?? 1;
    const { rows, total } = await this.media.findPage((page - 1) * limit, limit);
    return { items: rows.map((row) => toMediaItem(this.config.media.publicUrl, row)), total, page: pageMeta(limit, page, total) };
  }

  async get(id: string): Promise<MediaItemModel> {
    return toMediaItem(this.config.media.publicUrl, await this.require(id));
  }

  /** The item, or null when there is none (GraphQL `mediaItem`). */
  async find(id: string): Promise<MediaItemModel | null> {
    const row = await this.media.findById(id);
    return row && toMediaItem(this.config.media.publicUrl, row);
  }

  async update(id: string, input: UploadFields, ifMatch: string | null | undefined, actor: AuditActor): Promise<MediaItemModel> {
    if (!ifMatch?.trim()) throw missingIfMatch(WHAT);
    const current = await this.require(id);
    assertIfMatch(ifMatch, id, current.updatedAt, WHAT);
    const data: MediaTextFields = {
      ...(input.alt !== undefined ? { alt: input.alt } : {}),
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
      ...(input.focalPoint !== undefined ? { focalX: input.focalPoint?.x ?? null, focalY: input.focalPoint?.y ?? null } : {}),
    };
    if (Object.keys(data).length === 0) throw DomainError.validation('Give at least one of "alt", "caption" or "focalPoint".');
    const row = await this.media.update(id, current.updatedAt, data, { ...actor, action: 'media.updated' });
    if (!row) throw staleEtag(WHAT);
    return toMediaItem(this.config.media.publicUrl, row);
  }

  /**
   * Deletes the item and its files. Refused (CONFLICT, naming the posts) while a published post uses it,
   * unless `force`. `ifMatch` is optional here; when given it must be current. Returns the item as it was.
   */
  async delete(id: string, options: { force?: boolean; ifMatch?: string | null }, actor: AuditActor): Promise<MediaItemModel> {
    const current = await this.require(id);
    if (options.ifMatch?.trim()) assertIfMatch(options.ifMatch, id, current.updatedAt, WHAT);
    const result = await this.media.delete(
      id,
      { expected: options.ifMatch?.trim() ? current.updatedAt : null, force: options.force ?? false },
      { ...actor, action: 'media.deleted' },
    );
    if (!result) throw options.ifMatch?.trim() ? staleEtag(WHAT) : DomainError.notFound(`Media item ${id}`);
    if ('usedBy' in result) {
      const names = result.usedBy.map((post) => `"${post.title}" (${post.slug}, ${post.id})`).join(', ');
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Media item ${id} is used by published posts: ${names}. Remove it from them first, or delete with force=true.`,
        result.usedBy.map((post) => ({ field: `posts.${post.id}`, message: `used by published post "${post.slug}"` })),
      );
    }
    await this.removeFiles(fileKeys(result.deleted));
    return toMediaItem(this.config.media.publicUrl, result.deleted);
  }

  private async process(input: Buffer): Promise<ProcessedImage> {
    try {
      return await processImage(input, { widths: this.config.media.widths, maxPixels: this.config.media.maxPixels });
    } catch (error) {
      if (!(error instanceof ImageRejected)) throw error;
      const code = error.reason === 'unsupported' || error.reason === 'svg' ? ErrorCode.UNSUPPORTED_MEDIA_TYPE : ErrorCode.UNPROCESSABLE;
      throw new DomainError(code, error.message, [{ field: 'file', message: error.message }]);
    }
  }

  private async require(id: string): Promise<MediaRow> {
    const row = await this.media.findById(id);
    if (!row) throw DomainError.notFound(`Media item ${id}`);
    return row;
  }

  /** Storage is not transactional: a file that cannot be removed is logged and left behind, never a failed request. */
  private async removeFiles(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.storage.remove(keys);
    } catch (error) {
      this.logger.warn(`could not remove media files ${keys.join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function fileKeys(row: MediaRow): string[] {
  return [row.storageKey, ...row.variants.map((variant) => variant.key)];
}

/** The client's file name, for display only: no path, no control characters, bounded. */
function safeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean || 'upload';
}
