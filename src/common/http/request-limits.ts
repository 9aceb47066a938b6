import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

export interface HttpTimeouts {
  headersMs: number;
  bodyMs: number;
  requestMs: number;
}

/**
 * A declared Content-Length over the limit is refused before a byte of the body is read; the
 * connection is closed afterwards rather than drained.
 */
export function refuseDeclaredOversizedBodies(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) return next();
    res.setHeader('Connection', 'close');
    next(new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The request body may be at most ${maxBytes} bytes; ${declared} were declared.`));
  };
}

/**
 * A client that starts a body must finish it within `timeoutMs`: a slow or stalled upload is answered
 * 408 REQUEST_TIMEOUT and its connection closed, instead of holding a socket for minutes.
 */
export function bodyReadDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody || req.complete) return next();
    const timer = setTimeout(() => {
      if (req.complete || res.headersSent) return;
      const problem = buildProblem(
        ErrorCode.REQUEST_TIMEOUT,
        `The request body was not received within ${timeoutMs} ms.`,
        req.originalUrl.split('?')[0],
        String((req as Request & { id?: string }).id ?? ''),
      );
      const body = JSON.stringify(problem);
      res.writeHead(problem.status, {
        'Content-Type': PROBLEM_CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
        Connection: 'close',
      });
      // The body parser is still waiting on this stream; ending the socket ends it too.
      res.end(body, () => req.socket.destroy());
    }, timeoutMs);
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    req.once('close', clear);
    res.once('finish', clear);
    next();
  };
}

/**
 * Node's own limits against slow clients: the request headers within `headersMs`, the whole request
 * within `requestMs` (both answered 408 by Node). Node checks them on an interval (30 s by default),
 * so it is shortened to keep the limits close to what is configured.
 */
export function applyServerTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(1000, timeouts.headersMs);
}
