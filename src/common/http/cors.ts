import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/**
 * Browser frontends on other origins read the API directly. Tokens travel in the Authorization
 * header, never in cookies, so no credentials mode is needed and `*` is safe for reads and writes alike.
 */
export function corsOptions(origins: '*' | string[]): CorsOptions | null {
  if (origins !== '*' && origins.length === 0) return null;
  return {
    origin: origins === '*' ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id', 'Apollo-Require-Preflight', 'X-Preview-Token'],
    exposedHeaders: [
      'ETag', 'Location', 'Allow', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'X-Byline-Preview',
      'RateLimit', 'RateLimit-Policy', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset',
    ],
    maxAge: 600,
  };
}
