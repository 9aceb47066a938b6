import { ArgumentsHost, Catch, ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MovedPermanently } from '../http/moved-permanently';
import { PreviewAnswer } from '../preview/preview-gate';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-code';
import { NormalizedError, normalizeError } from './error-normalizer';
import { toGraphQLError } from './graphql-error';
import { buildProblem, PROBLEM_CONTENT_TYPE } from './problem-details';

/** Renders every error once per transport; the only place that turns errors into responses. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** `allowedMethods`: the methods served on a request's path, to answer 405 rather than 404. */
  constructor(private readonly allowedMethods: (req: Request) => string[] = () => []) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (exception instanceof MovedPermanently && host.getType() === 'http') {
      const res = host.switchToHttp().getResponse<Response>();
      res.setHeader('Cache-Control', 'public, max-age=300');
      return res.redirect(301, exception.location);
    }
    if (exception instanceof PreviewAnswer && host.getType() === 'http') {
      // Its headers (private, X-Byline-Preview) were set by whatever answered the preview.
      return host.switchToHttp().getResponse<Response>().status(200).json(exception.body);
    }
    const normalized = normalizeError(this.methodNotAllowed(exception, host) ?? exception);
    const contextType = host.getType<'http' | 'graphql'>();

    if (contextType === 'graphql') {
      const req = (host.getArgByIndex(2) as { req?: Request } | undefined)?.req;
      if (normalized.unexpected) this.logger.error({ err: exception, requestId: req?.id }, 'unhandled GraphQL error');
      else this.warnUnavailable(normalized, req?.id);
      return toGraphQLError(normalized, req?.id as string | undefined);
    }

    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const requestId = String(req.id ?? '');
    if (normalized.unexpected) this.logger.error({ err: exception, requestId }, 'unhandled error');
    else this.warnUnavailable(normalized, requestId);
    if (res.headersSent) return;

    const problem = buildProblem(normalized.code, normalized.detail, req.originalUrl.split('?')[0], requestId, normalized.errors);
    for (const [name, value] of Object.entries(normalized.headers ?? {})) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    // res.end, not res.send: errors must carry no ETag and never turn into a 304.
    const body = JSON.stringify(problem);
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  }

  /** A 503 is an expected state, but operators need to see why it happened. */
  private warnUnavailable(normalized: NormalizedError, requestId: unknown): void {
    if (normalized.code !== ErrorCode.SERVICE_UNAVAILABLE) return;
    this.logger.warn({ requestId, cause: normalized.cause }, 'service unavailable');
  }

  /** Nest's router answers an unmatched method+path with NotFoundException; a known path is a 405. */
  private methodNotAllowed(exception: unknown, host: ArgumentsHost): DomainError | undefined {
    if (!(exception instanceof NotFoundException) || host.getType() !== 'http') return undefined;
    const req = host.switchToHttp().getRequest<Request>();
    if (exception.message !== `Cannot ${req.method} ${req.originalUrl}`) return undefined;
    const allow = this.allowedMethods(req);
    if (allow.length === 0) return undefined;
    return new DomainError(ErrorCode.METHOD_NOT_ALLOWED, `${req.method} is not allowed on ${req.path}; use ${allow.join(', ')}.`, undefined, {
      Allow: allow.join(', '),
    });
  }
}
