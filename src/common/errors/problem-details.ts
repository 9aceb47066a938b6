import { ERROR_CODE_INFO, ErrorCode } from './error-code';
import { FieldError } from './domain-error';

/** RFC 9457 problem details, the one error shape of the REST API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are tag URIs: stable identifiers that need no server to resolve. */
export function problemType(code: ErrorCode): string {
  return `tag:byline.dev,2026:problem/${code.toLowerCase().replace(/_/g, '-')}`;
}

export function buildProblem(
  code: ErrorCode,
  detail: string,
  instance: string,
  requestId: string,
  errors?: FieldError[],
): ProblemDetails {
  const info = ERROR_CODE_INFO[code];
  return {
    type: problemType(code),
    title: info.title,
    status: info.status,
    detail,
    instance,
    code,
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
