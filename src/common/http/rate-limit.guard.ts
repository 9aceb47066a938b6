import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { requestOf } from '../auth/access.guard';
import { tryAuthenticateRequest } from '../auth/bearer-authentication';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

const COUNTED = Symbol('byline:rate-limit-counted');

/**
 * One budget per caller across the whole API: per token id when a valid bearer token is sent,
 * per client address otherwise. Runs before the access guard, so refused calls count too.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    if (!req) return true;
    // GraphQL runs guards once per root field: count the request once, and give every field the same answer.
    req[COUNTED] ??= super.canActivate(context);
    return req[COUNTED] as Promise<boolean>;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const token = await tryAuthenticateRequest(this.getRequestResponse(request.context).req, this.verifier);
    return super.handleRequest(token ? { ...request, limit: this.config.rateLimit.tokenPerMinute } : request);
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const token = await tryAuthenticateRequest(req, this.verifier);
    return token ? `token:${token.id}` : `address:${String(req.ip)}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override getRequestResponse(context: ExecutionContext) {
    const req = requestOf(context) as Record<string, any>;
    return { req, res: req.res as Record<string, any> };
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests; retry in ${seconds} s.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}
