import { HttpException } from '@nestjs/common';
import { databaseUnavailableCause } from './database-unavailable';
import { DomainError, FieldError } from './domain-error';
import { ErrorCode, errorCodeForStatus } from './error-code';

export interface NormalizedError {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** True for failures we did not expect: logged with their stack, shown generically. */
  unexpected: boolean;
  /** Why a 503 happened (e.g. the database failure), for a warning in the log; never sent to clients. */
  cause?: string;
}

const GENERIC_DETAIL = 'An unexpected error occurred. Quote the request id when reporting it.';

/** Turns anything thrown into a safe, transport-neutral error; nothing internal leaks. */
export function normalizeError(error: unknown): NormalizedError {
  if (error instanceof DomainError) {
    return { code: error.code, detail: error.detail, errors: error.errors, headers: error.headers, unexpected: false, cause: error.internalCause };
  }
  // The database being down or too slow is an expected state, whichever layer let the error through.
  const unavailable = databaseUnavailableCause(error);
  if (unavailable) {
    const domain = DomainError.unavailable(describeCause(unavailable));
    return { code: domain.code, detail: domain.detail, headers: domain.headers, unexpected: false, cause: domain.internalCause };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = errorCodeForStatus(status);
    // 503 is an expected state (not ready, overloaded); other 5xx are bugs and stay opaque.
    if (status >= 500 && status !== 503) return { code, detail: GENERIC_DETAIL, unexpected: true };
    return { code, detail: httpExceptionDetail(error), unexpected: false };
  }
  // Errors raised by Express middleware (body-parser: entity.too.large, entity.parse.failed, ...)
  // carry a 4xx `status` and a `type`; their messages are safe to show.
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof (error as { type?: unknown }).type === 'string') {
    return { code: errorCodeForStatus(status), detail: bodyParserDetail(error as { type: string; message: string }), unexpected: false };
  }
  return { code: ErrorCode.INTERNAL, detail: GENERIC_DETAIL, unexpected: true };
}

export function describeCause(cause: { code: string | undefined; message: string }): string {
  return cause.code ? `${cause.code}: ${cause.message}` : cause.message;
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function bodyParserDetail(error: { type: string; message: string }): string {
  switch (error.type) {
    case 'entity.too.large':
      return 'The request body is larger than the server accepts.';
    case 'entity.parse.failed':
      return 'The request body is not valid JSON.';
    default:
      return error.message;
  }
}
