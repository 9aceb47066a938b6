import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { ACCESS_METADATA, AccessRule, TOKEN_REQUEST_KEY } from './access.decorators';
import { insufficientScope, missingToken } from './auth-errors';
import { authenticateRequest } from './bearer-authentication';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/** The request behind an HTTP route or a GraphQL root field; undefined for other transports. */
export function requestOf(context: ExecutionContext): Record<string | symbol, unknown> | undefined {
  const type = context.getType<string>();
  if (type === 'http') return context.switchToHttp().getRequest();
  if (type === 'graphql') return GqlExecutionContext.create(context).getContext<{ req?: Record<string, unknown> }>().req;
  return undefined;
}

/**
 * The one global access check, for REST routes and GraphQL root fields alike. Fails closed:
 * a handler without `@Public()` or `@RequireScopes(...)` is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req) return true; // no transport with callers to check (none today)

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule; refusing`);
      throw new DomainError(ErrorCode.FORBIDDEN, 'This operation declares no access rule and is refused.');
    }
    // Public routes ignore the Authorization header entirely: a stale token must not break reads.
    if (rule.kind === 'public') return true;

    const token = await authenticateRequest(req, this.verifier);
    if (!token) throw missingToken();
    const missing = rule.scopes.filter((scope) => !token.scopes.includes(scope));
    if (missing.length > 0) throw insufficientScope(missing);
    req[TOKEN_REQUEST_KEY] = token;
    return true;
  }
}
