import type { RequestHandler } from 'express';
import helmet from 'helmet';

type CspDirectives = Record<string, string[]>;

/** JSON, XML and problem responses render nothing: they may load nothing and be framed nowhere. */
const API_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** An HTML page served from our own files: scripts, styles, fonts and data only from this origin. */
const SELF_HOSTED_PAGE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  // Swagger UI's page carries one inline <style> block, and its icons are data: SVGs.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The pages that need more than the API's lock-down, by path prefix (the first match wins).
 * Relaxing a route (e.g. a GraphQL IDE at GET /graphql) is one entry here.
 */
export const PAGE_CSP: ReadonlyArray<readonly [prefix: string, directives: CspDirectives]> = [['/api/docs', SELF_HOSTED_PAGE_CSP]];

function headersWith(directives: CspDirectives): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // Byline is an API read by other origins (sites, apps): allow cross-origin embedding of its resources.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Security headers on every response (helmet): nosniff, X-Frame-Options DENY and frame-ancestors,
 * Referrer-Policy, HSTS (honoured by browsers on HTTPS only), and a Content-Security-Policy per route.
 */
export function securityHeaders(pages = PAGE_CSP): RequestHandler {
  const api = headersWith(API_CSP);
  const byPrefix = pages.map(([prefix, directives]) => [prefix, headersWith(directives)] as const);
  return (req, res, next) => {
    const page = byPrefix.find(([prefix]) => req.path === prefix || req.path.startsWith(`${prefix}/`));
    (page ? page[1] : api)(req, res, next);
  };
}
