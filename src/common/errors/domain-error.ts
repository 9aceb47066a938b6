import { ERROR_CODE_INFO, ErrorCode } from './error-code';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure with a stable code. Services throw these (never HttpException);
 * each transport renders them once: problem details for REST, extensions.code for GraphQL.
 */
/** What a 503 asks clients to wait: a restart or failover usually completes within a few seconds. */
export const RETRY_AFTER_SECONDS = 2;

export class DomainError extends Error {
  /** For the log only (e.g. the database failure behind a 503); never sent to a client. */
  internalCause?: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers a transport may set (e.g. Retry-After, Location). */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_CODE_INFO[this.code].status;
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }

  /** The database (or another dependency) is down or too slow: retry later. `cause` is logged, never shown. */
  static unavailable(cause?: string, retryAfterSeconds = RETRY_AFTER_SECONDS): DomainError {
    const error = new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The service is temporarily unavailable; retry after the number of seconds in Retry-After.',
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    );
    error.internalCause = cause;
    return error;
  }

  static validation(detail: string, errors?: FieldError[]): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, detail, errors);
  }
}
