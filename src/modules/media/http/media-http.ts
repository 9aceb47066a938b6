import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { AppConfig } from '../../../config/app-config';

/** The URL prefix local media files are served under (MEDIA_PUBLIC_URL's default ends with it). */
export const MEDIA_PATH_PREFIX = '/media/';
/** Multipart framing and the text fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const UPLOAD_PATH = /^\/api\/admin\/media\/?$/;

export function isMediaUpload(req: Request): boolean {
  return req.method === 'POST' && UPLOAD_PATH.test(req.path);
}

/** Runs `handler` for every request but media uploads (which are multipart and have their own limits). */
export function exceptMediaUploads(handler: RequestHandler): RequestHandler {
  return (req, res, next) => (isMediaUpload(req) ? next() : handler(req, res, next));
}

/**
 * Media uploads: multipart/form-data only (else 415), and a declared Content-Length beyond
 * MEDIA_MAX_BYTES is a 413 before any of the body is read. Undeclared (chunked) bodies are cut
 * off by multer at the same limit while streaming.
 */
export function mediaUploadGate(maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isMediaUpload(req)) return next();
    const mediaType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (mediaType !== 'multipart/form-data') {
      return next(new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Upload the image as multipart/form-data with the file in the part "file".'));
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
      res.setHeader('Connection', 'close');
      return next(new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `Images may be at most ${maxBytes} bytes (MEDIA_MAX_BYTES); ${declared} were declared.`));
    }
    next();
  };
}

/**
 * Serves local media files at /media/<key>, streamed from disk: immutable caching (keys never change),
 * ETag and Last-Modified, Content-Type from the key's extension, nosniff (helmet), no directory
 * listing, no dotfiles, and no path outside MEDIA_DIR (anything else falls through to a 404 problem).
 * Not routed through Nest, so neither guards nor the rate limiter count image loads.
 */
export function serveMediaFiles(app: NestExpressApplication, media: AppConfig['media']): void {
  if (media.storage !== 'local') return;
  app.useStaticAssets(media.dir, {
    prefix: MEDIA_PATH_PREFIX.slice(0, -1),
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    immutable: true,
    maxAge: 31_536_000_000,
    setHeaders: (res: ServerResponse) => res.setHeader('X-Content-Type-Options', 'nosniff'),
  });
}
