import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, Observable, of, switchMap, tap } from 'rxjs';
import { ACCESS_METADATA, AccessRule } from '../../common/auth/access.decorators';
import { NO_STORE, PRIVATE_RESPONSE } from '../../common/http/cache-headers.interceptor';
import { ResponseCacheService } from './response-cache.service';

/**
 * Serves repeated public GETs from the response cache. Only anonymous requests to routes declared
 * `@Public()` take part; anything with a token, any other method, and any error (never cached: errors
 * are thrown, not returned) go straight through. Runs after the guards, so rate limits still count.
 */
@Injectable()
export class ResponseCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly cache: ResponseCacheService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.cache.enabled || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (!this.isCacheable(context, req)) return next.handle();
    const key = req.originalUrl;
    return from(this.cache.currentGeneration()).pipe(
      switchMap((generation) => {
        const hit = this.cache.get(generation, key);
        if (hit) return of(hit.body);
        return next.handle().pipe(tap((body) => this.cache.set(generation, key, body)));
      }),
    );
  }

  private isCacheable(context: ExecutionContext, req: Request): boolean {
    if (req.method !== 'GET' || req.headers.authorization !== undefined) return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PRIVATE_RESPONSE, targets)) return false;
    if (this.reflector.getAllAndOverride<boolean>(NO_STORE, targets)) return false;
    return this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets)?.kind === 'public';
  }
}
