import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string): boolean {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

/**
 * The API reads JSON only: a request body of any other media type (a form post, text) is a 415
 * before any parser sees it, rather than being parsed into something that half-validates. On
 * /graphql this is also what keeps a cross-site form from posting an operation (CSRF prevention is off).
 */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && isJson(contentType)) return next();
  next(
    new DomainError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Request bodies must be JSON (Content-Type: application/json), not ${contentType ? `"${contentType.split(';')[0]}"` : 'untyped'}.`,
    ),
  );
}
