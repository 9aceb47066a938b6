/** The one error-code vocabulary of both transports (REST `code`, GraphQL `extensions.code`). */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  CONFLICT = 'CONFLICT',
  /** The same Idempotency-Key's first request is still running: retry after Retry-After. */
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  UNPROCESSABLE = 'UNPROCESSABLE',
  PRECONDITION_REQUIRED = 'PRECONDITION_REQUIRED',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

interface CodeInfo {
  status: number;
  title: string;
}

// A Record over the enum: adding a code without its status fails to compile.
export const ERROR_CODE_INFO: Record<ErrorCode, CodeInfo> = {
  [ErrorCode.VALIDATION_FAILED]: { status: 400, title: 'Validation failed' },
  [ErrorCode.UNAUTHENTICATED]: { status: 401, title: 'Authentication required' },
  [ErrorCode.FORBIDDEN]: { status: 403, title: 'Forbidden' },
  [ErrorCode.NOT_FOUND]: { status: 404, title: 'Not found' },
  [ErrorCode.METHOD_NOT_ALLOWED]: { status: 405, title: 'Method not allowed' },
  [ErrorCode.REQUEST_TIMEOUT]: { status: 408, title: 'Request timeout' },
  [ErrorCode.CONFLICT]: { status: 409, title: 'Conflict' },
  [ErrorCode.IDEMPOTENCY_IN_PROGRESS]: { status: 409, title: 'Request in progress' },
  [ErrorCode.PRECONDITION_FAILED]: { status: 412, title: 'Precondition failed' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { status: 413, title: 'Payload too large' },
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: { status: 415, title: 'Unsupported media type' },
  [ErrorCode.UNPROCESSABLE]: { status: 422, title: 'Unprocessable content' },
  [ErrorCode.PRECONDITION_REQUIRED]: { status: 428, title: 'Precondition required' },
  [ErrorCode.RATE_LIMITED]: { status: 429, title: 'Too many requests' },
  [ErrorCode.SERVICE_UNAVAILABLE]: { status: 503, title: 'Service unavailable' },
  [ErrorCode.INTERNAL]: { status: 500, title: 'Internal server error' },
};

// The first code per status wins (409 is CONFLICT, not IDEMPOTENCY_IN_PROGRESS).
const BY_STATUS = new Map<number, ErrorCode>();
for (const [code, info] of Object.entries(ERROR_CODE_INFO)) if (!BY_STATUS.has(info.status)) BY_STATUS.set(info.status, code as ErrorCode);

/** The code for an HTTP status raised outside our code (router 404, body-parser 413, ...). */
export function errorCodeForStatus(status: number): ErrorCode {
  return BY_STATUS.get(status) ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION_FAILED);
}
