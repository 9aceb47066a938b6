import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export const PRIVATE_RESPONSE = 'byline:private-response';

/** Public, but about this instance right now (health probes): never stored by anyone, nor by our response cache. */
export const NO_STORE = 'byline:no-store';
export const NoStore = () => SetMetadata(NO_STORE, true);

/**
 * Public GETs are cacheable by browsers and CDNs (Express adds the strong ETag and answers
 * If-None-Match with 304); anything that depends on a token is private and never stored.
 */
@Injectable()
export class CacheHeadersInterceptor implements NestInterceptor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const noStore = this.reflector.getAllAndOverride<boolean>(NO_STORE, [context.getHandler(), context.getClass()]);
    const isPrivate =
      this.reflector.getAllAndOverride<boolean>(PRIVATE_RESPONSE, [context.getHandler(), context.getClass()]) ||
      req.headers.authorization !== undefined;
    return next.handle().pipe(
      tap(() => {
        if (noStore) {
          res.setHeader('Cache-Control', 'no-store');
        } else if (isPrivate) {
          res.setHeader('Cache-Control', 'private, no-store');
          res.vary('Authorization');
        } else if (req.method === 'GET' || req.method === 'HEAD') {
          const { maxAgeSeconds, staleWhileRevalidateSeconds } = this.config.cache;
          res.setHeader('Cache-Control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`);
        } else {
          res.setHeader('Cache-Control', 'no-store');
        }
      }),
    );
  }
}
