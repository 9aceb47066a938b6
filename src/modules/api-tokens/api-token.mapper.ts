import { SCOPES, type Scope } from '../../common/auth/access.decorators';
import type { ApiTokenRow } from './api-tokens.repository';
import type { ApiTokenModel } from './models/api-token.model';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// Scopes that no longer exist in code are dropped rather than trusted.
export function knownScopes(scopes: string[]): Scope[] {
  return scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}

export function toApiTokenModel(row: ApiTokenRow): ApiTokenModel {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: knownScopes(row.scopes),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
