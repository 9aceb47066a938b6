import { ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
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
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ACCESS_METADATA, type AccessRule } from '../auth/access.decorators';
import { requestOf } from '../auth/access.guard';
import { tryAuthenticateRequest } from '../auth/bearer-authentication';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

const RATE_LIMIT_BUDGET = 'byline:rate-limit-budget';
/** An expensive public read (search): its own, smaller budget per client address. */
export const ExpensiveRead = () => SetMetadata(RATE_LIMIT_BUDGET, 'search');

type Budget = 'read' | 'search' | 'auth' | 'token';

const COUNTED = Symbol('byline:rate-limit-counted');
const REFUSED = Symbol.for('byline:rate-limited');

/** Seconds to wait when this request was refused by the limiter (GraphQL answers it with HTTP 429). */
export function rateLimitRetryAfter(req: object | undefined): number | undefined {
  return (req as Record<symbol, number | undefined> | undefined)?.[REFUSED];
}

/**
 * Budgets per caller and minute, each a fixed-window counter (FixedWindowStorage):
 * - with a valid bearer token: everything counts against that token's budget;
 * - without: editor routes (bound to fail) against the address's auth-failure budget; searches against
 *   its search budget; other public reads against its read budget. A read the response cache answers
 *   never gets here, so only misses are counted. Trusted clients (RATE_LIMIT_TRUSTED_CLIENTS) skip the
 *   read and search budgets.
 * Runs before the access guard, so refused calls count too.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly trusted: BlockList | undefined;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
    this.trusted = trustedClients(config.rateLimit.trustedClients);
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const { req } = this.getRequestResponse(request.context);
    const token = await tryAuthenticateRequest(req, this.verifier);
    const budget = token ? 'token' : this.budgetOf(request.context, String(req.ip));
    if (budget === undefined) return true;
    const tracker = token ? `token:${token.id}` : `address:${String(req.ip)}`;
    // GraphQL runs guards once per root field: each budget is counted once per request.
    const counted = ((req as Record<symbol, unknown>)[COUNTED] ??= new Map<Budget, Promise<boolean>>()) as Map<Budget, Promise<boolean>>;
    let verdict = counted.get(budget);
    if (!verdict) {
      const limit = this.limitOf(budget);
      verdict = super
        .handleRequest({ ...request, limit, getTracker: async () => tracker, generateKey: () => `${budget}:${tracker}` })
        .then((allowed) => {
          const res = (req as { res?: HeaderSink }).res;
          if (res) setStandardHeaders(res, budget, limit, Number(res.getHeader('X-RateLimit-Remaining')), Number(res.getHeader('X-RateLimit-Reset')));
          return allowed;
        });
      counted.set(budget, verdict);
    }
    return verdict;
  }

  private budgetOf(context: ExecutionContext, address: string): Budget | undefined {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets)?.kind !== 'public') return 'auth';
    if (this.trusted && isTrusted(this.trusted, address)) return undefined;
    return this.reflector.getAllAndOverride<Budget | undefined>(RATE_LIMIT_BUDGET, targets) ?? 'read';
  }

  private limitOf(budget: Budget): number {
    const limits = this.config.rateLimit;
    if (budget === 'token') return limits.tokenPerMinute;
    if (budget === 'auth') return limits.authFailuresPerMinute;
    if (budget === 'search') return limits.searchPerMinute;
    return limits.anonymousPerMinute;
  }

  protected override getRequestResponse(context: ExecutionContext) {
    const req = requestOf(context) as Record<string, any>;
    return { req, res: req.res as Record<string, any> };
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!requestOf(context)) return true;
    return super.canActivate(context);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    const req = requestOf(context);
    if (req) req[REFUSED] = seconds;
    const res = (req as { res?: HeaderSink } | undefined)?.res;
    const budget = String(detail.key).split(':', 1)[0];
    if (res) setStandardHeaders(res, budget, detail.limit, 0, seconds);
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many requests; retry in ${seconds} s.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
}

interface HeaderSink {
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): the budget's policy (quota `q` per
 * window `w` seconds) and what is left of it (`r` requests, reset in `t` seconds). The older
 * `X-RateLimit-*` trio is kept alongside for clients that read it.
 */
function setStandardHeaders(res: HeaderSink, budget: string, limit: number, remaining: number, resetSeconds: number): void {
  if (!Number.isFinite(remaining) || !Number.isFinite(resetSeconds)) return;
  res.setHeader('RateLimit-Policy', `"${budget}";q=${limit};w=60`);
  res.setHeader('RateLimit', `"${budget}";r=${Math.max(0, remaining)};t=${Math.max(0, Math.ceil(resetSeconds))}`);
}

function trustedClients(entries: string[]): BlockList | undefined {
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    if (!type) throw new Error(`RATE_LIMIT_TRUSTED_CLIENTS: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d.
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return list.check(v4, 'ipv4');
  return isIPv6(address) && list.check(address, 'ipv6');
}
