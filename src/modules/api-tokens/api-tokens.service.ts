import { Injectable } from '@nestjs/common';
import { AuthenticatedToken, Scope } from '../../common/auth/access.decorators';
import { invalidToken } from '../../common/auth/auth-errors';
import { TokenVerifier } from '../../common/auth/token-verifier';
import { ErrorCode } from '../../common/errors/error-code';
import { DomainError } from '../../common/errors/domain-error';
import type { AuditActor } from '../audit/audit.service';
import { knownScopes, toApiTokenModel } from './api-token.mapper';
import { ApiTokensRepository } from './api-tokens.repository';
import { hashSecret, isWellFormedSecret, mintSecret } from './domain/token-secret';
import { validateNewToken, type NewTokenRequest } from './domain/new-token';
import { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model';

/** How stale lastUsedAt may get: one write per token per minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const TARGET = 'api_token';

@Injectable()
export class ApiTokensService implements TokenVerifier {
  constructor(private readonly tokens: ApiTokensRepository) {}

  /**
   * Mints a token; the response is the only place its plaintext ever appears.
   * `grantableScopes`: the scopes of the token making the request. A token can only grant scopes it
   * holds itself, so `tokens:manage` alone cannot mint a more powerful token. The command line (which
   * needs database access, i.e. is already trusted) passes none.
   */
  async create(
    request: NewTokenRequest,
    actor: AuditActor,
    options: { grantableScopes?: readonly Scope[]; now?: Date } = {},
  ): Promise<CreatedApiTokenModel> {
    const now = options.now ?? new Date();
    const { name, scopes, expiresAt } = validateNewToken(request, now);
    const beyond = options.grantableScopes ? scopes.filter((scope) => !options.grantableScopes!.includes(scope)) : [];
    if (beyond.length > 0) {
      throw new DomainError(ErrorCode.FORBIDDEN, `A token can only grant scopes it holds itself; this one lacks: ${beyond.join(', ')}.`);
    }
    const secret = mintSecret();
    const row = await this.tokens.insert(
      { name, tokenHash: secret.hash, prefix: secret.prefix, scopes, expiresAt },
      { ...actor, action: 'token.created', targetType: TARGET, details: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null } },
    );
    return { ...toApiTokenModel(row), token: secret.plaintext };
  }

  async list(): Promise<ApiTokenModel[]> {
    return (await this.tokens.findAll()).map(toApiTokenModel);
  }

  /** Idempotent: revoking a revoked token answers the token as it is and records nothing new. */
  async revoke(id: string, actor: AuditActor, now = new Date()): Promise<ApiTokenModel> {
    const row = await this.tokens.revoke(id, now, { ...actor, action: 'token.revoked', targetType: TARGET, targetId: id });
    if (!row) throw DomainError.notFound(`API token ${id}`);
    return toApiTokenModel(row);
  }

  /** Test and maintenance hook: moves a token's expiry (null = never). */
  async setExpiry(id: string, expiresAt: Date | null): Promise<ApiTokenModel> {
    const row = await this.tokens.findById(id);
    if (!row) throw DomainError.notFound(`API token ${id}`);
    return toApiTokenModel(await this.tokens.setExpiry(id, expiresAt));
  }

  /** Resolves a presented bearer secret, or throws UNAUTHENTICATED (the same error for every failure). */
  async verify(plaintext: string, now = new Date()): Promise<AuthenticatedToken> {
    if (!isWellFormedSecret(plaintext)) throw invalidToken();
    const row = await this.tokens.findByHash(hashSecret(plaintext));
    if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) throw invalidToken();
    if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.tokens.touchLastUsed(row.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    }
    return { id: row.id, name: row.name, scopes: knownScopes(row.scopes) as Scope[] };
  }
}
