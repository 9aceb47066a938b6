import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ACCESS_METADATA, type AccessRule } from '../auth/access.decorators';
import { carriesPreviewToken } from '../preview/preview-request';

export const PRIVATE_RESPONSE = 'byline:private-response';

/** Public, but about this instance right now (health probes): never stored by anyone, nor by our response cache. */
export const NO_STORE = 'byline:no-store';
export const NoStore = () => SetMetadata(NO_STORE, true);

const SHAREABLE = Symbol.for('byline:shareable-response');

/**
 * Marks a response as the same for every anonymous caller (a public read, no token, no draft), so the
 * response cache in front of the app may store it if it ends as a 200.
 */
export function markShareable(res: object): void {
  (res as Record<symbol, unknown>)[SHAREABLE] = true;
}

export function isShareable(res: object): boolean {
  return (res as Record<symbol, unknown>)[SHAREABLE] === true;
}

/** Cache-Control of a shareable public read (REST GET, GraphQL query). */
export function publicCacheControl(cache: AppConfig['cache']): string {
  return (
    `public, max-age=${cache.maxAgeSeconds}, stale-while-revalidate=${cache.staleWhileRevalidateSeconds}, ` +
    `stale-if-error=${cache.staleIfErrorSeconds}`
  );
}

/**
 * Decides the caching headers of every REST answer before its handler runs (a guard that never refuses:
 * Nest's interceptors would wrap each request in an rxjs pipeline and two async resources for the same
 * effect). Public GETs are cacheable by browsers and CDNs (Express adds the strong ETag and answers
 * If-None-Match with 304), and a public read is marked for the response cache in front of the app, which
 * keeps it only if it ends as a 200; anything that depends on a token is private and never stored. An error
 * answer replaces these headers with its own (`AllExceptionsFilter`), and a handler may still set its own.
 */
@Injectable()
export class CacheHeadersGuard implements CanActivate {
  private readonly publicCacheControl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    this.publicCacheControl = publicCacheControl(config.cache);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(NO_STORE, targets)) {
      res.setHeader('Cache-Control', 'no-store');
    } else if (
      // A preview token may turn the answer into a draft: private, whether or not the token turns out valid.
      this.reflector.getAllAndOverride<boolean>(PRIVATE_RESPONSE, targets) ||
      req.headers.authorization !== undefined ||
      carriesPreviewToken(req)
    ) {
      res.setHeader('Cache-Control', 'private, no-store');
      res.vary('Authorization');
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      res.setHeader('Cache-Control', this.publicCacheControl);
      if (this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets)?.kind === 'public') markShareable(res);
    } else {
      res.setHeader('Cache-Control', 'no-store');
    }
    return true;
  }
}
