import { ERROR_CODE_INFO, ErrorCode } from './error-code';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure with a stable code. Services throw these (never HttpException);
 * each transport renders them once: problem details for REST, extensions.code for GraphQL.
 */
export class DomainError extends Error {
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

  static validation(detail: string, errors?: FieldError[]): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, detail, errors);
  }
}
