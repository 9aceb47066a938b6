import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { EnvironmentVariables } from './environment';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /**
   * `trustProxy`: Express's "trust proxy", so that client addresses (rate limits, logs) come from
   * X-Forwarded-For. `corsOrigins`: browsers on these origins may call the API (`*`: any; empty: none).
   */
  http: { host: string; port: number; trustProxy: boolean | number | string; corsOrigins: '*' | string[] };
  database: {
    /** Unset: Byline starts its own embedded PostgreSQL. */
    url: string | undefined;
    poolSize: number;
    embedded: { dataDir: string; port: number };
    migrateOnStart: boolean;
  };
  /** Seed example content into an empty database on start. */
  seedOnStart: boolean;
  readingWordsPerMinute: number;
  /** Hostnames articles may embed (iframe); undefined: the content-body module's built-in list. */
  embedHosts: string[] | undefined;
  logLevel: string;
  /**
   * `maxAgeSeconds`/`staleWhileRevalidateSeconds`: Cache-Control of public GETs. `responseCacheBytes`:
   * size of each in-process cache of public responses (REST, GraphQL); 0 turns them off.
   */
  cache: { maxAgeSeconds: number; staleWhileRevalidateSeconds: number; responseCacheBytes: number };
  /** The website that renders the posts (`url`, `title`), and where this API is publicly reachable (`apiUrl`). */
  site: { url: string; title: string; postUrlPattern: string; apiUrl: string };
  /** `schemaFile`: write the SDL there on start (the committed schema.gql is regenerated this way). */
  graphql: { introspection: boolean; schemaFile: string | undefined };
  /** Requests per minute: per client address without a token, per token with one. */
  rateLimit: { anonymousPerMinute: number; tokenPerMinute: number };
  /** Publishes due SCHEDULED posts; polls the database every `intervalMs`. */
  scheduler: { enabled: boolean; intervalMs: number };
  /** Sends queued webhook deliveries; polls every `pollIntervalMs`, retries after `retryBaseMs` × 2^(attempts − 1). */
  webhooks: { enabled: boolean; pollIntervalMs: number; retryBaseMs: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Thrown at boot with every invalid variable listed, so one restart fixes them all. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** The only reader of process.env in the codebase. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "unset" (as docker-compose and .env files often produce them).
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => `${e.property}=${JSON.stringify(present[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  const port = env.PORT ?? 3000;
  const embedded = env.DATABASE_URL === undefined;
  const siteUrl = (env.SITE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: nodeEnv,
    http: { host: env.HOST ?? '0.0.0.0', port, trustProxy: parseTrustProxy(env.TRUST_PROXY), corsOrigins: parseCorsOrigins(env.CORS_ORIGINS) },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE ?? 10,
      embedded: {
        dataDir: resolve(env.EMBEDDED_PG_DATA_DIR ?? '.data/postgres'),
        port: env.EMBEDDED_PG_PORT ?? 54329,
      },
      migrateOnStart: env.MIGRATE_ON_START ?? true,
    },
    // Example content is for the zero-setup path; a real server gets it only when asked.
    seedOnStart: env.SEED_ON_START ?? embedded,
    readingWordsPerMinute: env.READING_WPM ?? 200,
    embedHosts: parseEmbedHosts(env.EMBED_HOSTS),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    cache: {
      maxAgeSeconds: env.CACHE_MAX_AGE ?? 60,
      staleWhileRevalidateSeconds: env.CACHE_STALE_WHILE_REVALIDATE ?? 300,
      responseCacheBytes: (env.RESPONSE_CACHE_MB ?? 32) * 1024 * 1024,
    },
    site: {
      url: siteUrl,
      title: env.SITE_TITLE ?? 'Byline',
      postUrlPattern: env.POST_URL_PATTERN ?? '/{slug}/',
      // Default: the API is served under the site's own origin (e.g. a reverse proxy routing /api).
      apiUrl: env.API_URL?.replace(/\/+$/, '') ?? siteUrl,
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? nodeEnv !== 'production',
      schemaFile: env.GRAPHQL_SCHEMA_FILE === undefined ? undefined : resolve(env.GRAPHQL_SCHEMA_FILE),
    },
    // Tests get effectively no limit unless they set one, so suites never trip over it.
    rateLimit: {
      anonymousPerMinute: env.RATE_LIMIT_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 600),
      tokenPerMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 1200),
    },
    // Off by default under test: a background poller would disturb the statement-counting tests.
    scheduler: { enabled: env.SCHEDULER_ENABLED ?? nodeEnv !== 'test', intervalMs: env.SCHEDULER_INTERVAL_MS ?? 1000 },
    // Off by default under test for the same reason; the webhook tests switch it on.
    webhooks: {
      enabled: env.WEBHOOKS_ENABLED ?? nodeEnv !== 'test',
      pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS ?? 1000,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS ?? 10_000,
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function parseEmbedHosts(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return [];
  return value.split(',').map((host) => host.trim().toLowerCase());
}

function parseCorsOrigins(value: string | undefined): '*' | string[] {
  if (value === undefined || value === '*') return '*';
  if (value === 'none') return [];
  return value.split(',').map((origin) => origin.trim().replace(/\/+$/, ''));
}
