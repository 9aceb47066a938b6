import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { allowedMethodsFor } from './common/http/allowed-methods';
import { corsOptions } from './common/http/cors';
import { requireJsonBodies } from './common/http/json-bodies.middleware';
import { assignRequestId } from './common/http/request-id.middleware';
import { applyServerTimeouts, bodyReadDeadline, refuseDeclaredOversizedBodies } from './common/http/request-limits';
import { securityHeaders } from './common/http/security-headers';
import { setupOpenApi } from './common/openapi/openapi.setup';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { exceptMediaUploads, mediaUploadGate, serveMediaFiles } from './modules/media/http/media-http';
import { installResponseCacheFront } from './modules/response-cache/response-cache.front';
import { HostileInputPipe } from './common/validation/hostile-input.pipe';
import { createValidationPipe } from './common/validation/validation.pipe';
import { graphqlIde } from './modules/graphql-ide/graphql-ide';

/** Maximum JSON body: a 1 MiB post body plus its metadata. Larger requests get 413. */
export const MAX_BODY_BYTES = 1_100_000;

/** The one place for app-wide HTTP behaviour; main.ts and the tests both call it. */
export function configureApp(app: INestApplication): INestApplication {
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  // Before the body parsers, so that what they refuse is still answered with a request id.
  express.use(assignRequestId);
  // Security headers (helmet) on every response; per-route CSP in security-headers.ts.
  express.use(securityHeaders());
  // Slow clients: header and request deadlines on the server, a body-read deadline answered 408.
  applyServerTimeouts(express.getHttpServer(), config.http.timeouts);
  express.use(bodyReadDeadline(config.http.timeouts.bodyMs));
  const cors = corsOptions(config.http.corsOrigins);
  if (cors) express.enableCors(cors);
  // Media uploads are multipart with their own size limit (MEDIA_MAX_BYTES); every other body is JSON.
  express.use(mediaUploadGate(config.media.maxBytes));
  express.use(exceptMediaUploads(requireJsonBodies));
  // A declared Content-Length over the limit is a 413 before any of the body is read.
  express.use(exceptMediaUploads(refuseDeclaredOversizedBodies(MAX_BODY_BYTES)));
  // Local media files, streamed from disk ahead of the Nest routes (no guards, no rate limit).
  serveMediaFiles(express, config.media);
  express.useLogger(app.get(Logger));
  express.useBodyParser('json', { limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] });
  // Cache hits are answered in front of everything above (the HTTP server's own request listener).
  installResponseCacheFront(app);
  // Strong ETags on every response body; Express answers a matching If-None-Match with 304.
  express.set('etag', 'strong');
  express.disable('x-powered-by');
  express.set('query parser', 'simple');
  express.set('trust proxy', config.http.trustProxy);
  // Hostile input (NUL, lone surrogates, deep nesting) is refused before validation recurses into it.
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(allowedMethodsFor));
  setupOpenApi(app);
  // Before Apollo's middleware (registered at init), so a browser's GET /graphql gets the IDE page.
  if (config.graphql.ide) express.use(graphqlIde());
  app.enableShutdownHooks();
  return app;
}
