import { SCOPES, type Scope } from '../../../common/auth/access.decorators';
import { DomainError, FieldError } from '../../../common/errors/domain-error';
import { DURATION_HINT, expiryFromDuration } from './expiry';

export interface NewTokenRequest {
  name: string;
  scopes: string[];
  /** Absolute expiry (ISO-8601 or Date) ... */
  expiresAt?: string | Date | null;
  /** ... or a lifetime such as "90d"; not both. */
  expiresIn?: string | null;
}

export interface ValidNewToken {
  name: string;
  scopes: Scope[];
  expiresAt: Date | null;
}

/** The rules every way of minting a token shares (REST body, command line). */
export function validateNewToken(request: NewTokenRequest, now: Date): ValidNewToken {
  const errors: FieldError[] = [];
  const name = request.name?.trim() ?? '';
  if (name.length === 0 || name.length > 120) errors.push({ field: 'name', message: 'must be 1 to 120 characters' });

  const unknown = request.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (request.scopes.length === 0) errors.push({ field: 'scopes', message: `must list at least one of ${SCOPES.join(', ')}` });
  if (unknown.length > 0) errors.push({ field: 'scopes', message: `unknown scope(s) ${unknown.join(', ')}; allowed: ${SCOPES.join(', ')}` });

  let expiresAt: Date | null = null;
  if (request.expiresAt != null && request.expiresIn != null) {
    errors.push({ field: 'expiresIn', message: 'give either expiresAt or expiresIn, not both' });
  } else if (request.expiresIn != null) {
    expiresAt = expiryFromDuration(request.expiresIn, now);
    if (!expiresAt) errors.push({ field: 'expiresIn', message: `must be ${DURATION_HINT}` });
  } else if (request.expiresAt != null) {
    expiresAt = new Date(request.expiresAt);
    if (Number.isNaN(expiresAt.getTime())) errors.push({ field: 'expiresAt', message: 'must be an ISO-8601 date-time' });
    else if (expiresAt <= now) errors.push({ field: 'expiresAt', message: 'must be in the future' });
  }

  if (errors.length > 0) throw DomainError.validation(`Cannot create the token, invalid: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, errors);
  return { name, scopes: [...new Set(request.scopes)] as Scope[], expiresAt };
}
