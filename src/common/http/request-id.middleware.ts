import type { NextFunction, Request, Response } from 'express';
import { requestIdFor } from '../logging/logger-options';

/**
 * The very first middleware: every response, including those refused while the body is parsed
 * (malformed JSON, too large, wrong media type), carries X-Request-Id and a matching `requestId`.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  (req as Request & { id?: string }).id = requestIdFor(req, res);
  next();
}
