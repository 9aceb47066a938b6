import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import ipaddr from 'ipaddr.js';
import { join, resolve } from 'node:path';
import { EnvironmentVariables } from './environment';
import { projectRoot } from './project-root';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /**
   * `trustProxy`: Express's "trust proxy", so that client addresses (rate limits, logs) come from
   * X-Forwarded-For. `corsOrigins`: browsers on these origins may call the API (`*`: any; empty: none).
   */
  http: {
    host: string;
    port: number;
    trustProxy: boolean | number | string;
    corsOrigins: '*' | string[];
    /** Slow-client limits: request headers, a request body (answered 408), the whole request (Node's own 408). */
    timeouts: { headersMs: number; bodyMs: number; requestMs: number };
  };
  database: {
    /** Unset: Byline starts its own embedded PostgreSQL. */
    url: string | undefined;
    /** Per pool: Prisma's (writes, editor API, search) and, with `preparedStatements`, the public read pool. */
    poolSize: number;
    /**
     * How long a pooled connection may sit idle before it is closed. A new server process pays ~10–40 ms of
     * database CPU on its first statements (catalog caches, trigger functions compiled, plans made), so
     * connections are kept warm between bursts rather than reopened for each (pg-pool's default is 10 s).
     */
    poolIdleMs: number;
    /** Public reads as prepared statements with generic plans, on a pool of their own (off behind a transaction-mode pooler). */
    preparedStatements: boolean;
    /**
     * Bounded waiting (ms): `connectMs` to get a pooled connection (opening or queueing for one);
     * `statementMs` per statement outside write transactions (public reads); `writeStatementMs` per
     * statement inside write transactions; `idleInTransactionMs` before the server ends an idle transaction.
     */
    timeouts: { connectMs: number; statementMs: number; writeStatementMs: number; idleInTransactionMs: number };
    /** `dataDirExplicit`: EMBEDDED_PG_DATA_DIR was set (else, as root, the data lives under /var/lib/byline). */
    embedded: { dataDir: string; dataDirExplicit: boolean; port: number };
    migrateOnStart: boolean;
  };
  /** `readyTimeoutMs`: /health/ready answers 503 when the database has not answered within it. */
  health: { readyTimeoutMs: number };
  /** On SIGTERM/SIGINT: how long in-flight requests may take to finish before their sockets are closed. */
  /** delayMs: how long to keep accepting (readiness already 503) before the listener closes. */
  shutdown: { timeoutMs: number; delayMs: number };
  /** Seed example content into an empty database on start. */
  seedOnStart: boolean;
  readingWordsPerMinute: number;
  /** Hostnames articles may embed (iframe); undefined: the content-body module's built-in list. */
  embedHosts: string[] | undefined;
  logLevel: string;
  /**
   * How far (in %) V8 lets the heap grow past what the last full garbage collection kept before it collects
   * again; 0 leaves V8's own adaptive factor (up to 4×). See src/main.ts.
   */
  heapGrowthPercent: number;
  /**
   * `maxAgeSeconds`/`staleWhileRevalidateSeconds`/`staleIfErrorSeconds`: Cache-Control of public reads.
   * `responseCacheBytes`: size of the in-process cache of public responses (REST and GraphQL); 0 turns it off.
   */
  cache: { maxAgeSeconds: number; staleWhileRevalidateSeconds: number; staleIfErrorSeconds: number; responseCacheBytes: number };
  /**
   * The website that renders the posts (`url`, `title`), and where this API is publicly reachable (`apiUrl`).
   * `description`, `locale`, `timezone` (and `title`) are the site settings' defaults until edited.
   */
  site: { url: string; title: string; postUrlPattern: string; pageUrlPattern: string; apiUrl: string; description: string; locale: string; timezone: string };
  /**
   * `publicUrl`: where media files are served from (the API's `/media` unless MEDIA_PUBLIC_URL says otherwise).
   * `storage`: local disk under `dir` (served by the API) or an S3-compatible bucket (`s3`). `widths`: variant
   * widths, ascending. `maxBytes`/`maxPixels`: upload limits (413 / 422). `concurrency`: uploads processed at once.
   */
  media: {
    publicUrl: string;
    storage: 'local' | 's3';
    dir: string;
    widths: number[];
    maxBytes: number;
    maxPixels: number;
    concurrency: number;
    s3: { endpoint: string | undefined; bucket: string; region: string; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean };
  };
  /** `schemaFile`: write the SDL there on start (the committed schema.gql is regenerated this way). */
  graphql: { introspection: boolean; schemaFile: string | undefined; ide: boolean };
  /**
   * Requests per minute. Without a valid token, per client address: `anonymousPerMinute` public reads the
   * response cache could not answer (hits are never counted), `searchPerMinute` searches,
   * `authFailuresPerMinute` calls to editor routes without a valid token. With one, `tokenPerMinute` per token.
   * `trustedClients`: addresses/CIDR ranges exempt from the anonymous read and search budgets.
   */
  rateLimit: {
    anonymousPerMinute: number;
    searchPerMinute: number;
    authFailuresPerMinute: number;
    tokenPerMinute: number;
    trustedClients: string[];
  };
  /** Publishes due SCHEDULED posts; polls the database every `intervalMs`. */
  scheduler: { enabled: boolean; intervalMs: number };
  /**
   * Background refresh of related-post lists after writes: polls the queue every `intervalMs`; a write
   * becomes due `delayMs` after it (repeated writes within that time are refreshed once).
   */
  relatedRefresh: { enabled: boolean; intervalMs: number; delayMs: number };
  /** Sends queued webhook deliveries; polls every `pollIntervalMs`, retries after `retryBaseMs` × 2^(attempts − 1). */
  webhooks: {
    enabled: boolean;
    pollIntervalMs: number;
    retryBaseMs: number;
    /**
     * Deliveries to loopback, private, link-local and other special-purpose addresses are refused unless
     * `allowPrivateNetworks`, or the address is inside one of `allowedNetworks` (CIDR ranges).
     */
    allowPrivateNetworks: boolean;
    allowedNetworks: string[];
  };
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
  const problems = errors.map((e) => `${e.property}=${JSON.stringify(present[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  const badNetwork = splitList(env.WEBHOOK_ALLOWED_NETWORKS).find((n) => !ipaddr.isValid(n) && !ipaddr.isValidCIDR(n));
  if (badNetwork !== undefined) problems.push(`WEBHOOK_ALLOWED_NETWORKS: "${badNetwork}" is neither an IP address nor a CIDR range`);
  problems.push(...siteDefaultProblems(env));
  if (env.MEDIA_STORAGE === 's3' && !env.S3_BUCKET) problems.push('S3_BUCKET: required when MEDIA_STORAGE=s3');
  if (env.MEDIA_STORAGE === 's3' && !env.MEDIA_PUBLIC_URL) problems.push('MEDIA_PUBLIC_URL: required when MEDIA_STORAGE=s3 (the bucket\'s or CDN\'s public URL)');
  if (problems.length > 0) throw new ConfigValidationError(problems);
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  const port = env.PORT ?? 3000;
  const embedded = env.DATABASE_URL === undefined;
  const siteUrl = (env.SITE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: nodeEnv,
    http: {
      host: env.HOST ?? '0.0.0.0',
      port,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
      timeouts: parseTimeouts(env),
    },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE ?? 10,
      poolIdleMs: env.DATABASE_POOL_IDLE_MS ?? 600_000,
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS ?? true,
      timeouts: {
        connectMs: env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000,
        statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000,
        writeStatementMs: env.DATABASE_WRITE_STATEMENT_TIMEOUT_MS ?? 15_000,
        idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 10_000,
      },
      embedded: {
        dataDir: resolve(env.EMBEDDED_PG_DATA_DIR ?? '.data/postgres'),
        dataDirExplicit: env.EMBEDDED_PG_DATA_DIR !== undefined,
        port: env.EMBEDDED_PG_PORT ?? 54329,
      },
      migrateOnStart: env.MIGRATE_ON_START ?? true,
    },
    health: { readyTimeoutMs: env.HEALTH_READY_TIMEOUT_MS ?? 2000 },
    shutdown: { timeoutMs: env.SHUTDOWN_TIMEOUT_MS ?? 10_000, delayMs: env.SHUTDOWN_DELAY_MS ?? 0 },
    // Example content is for the zero-setup path; a real server gets it only when asked.
    seedOnStart: env.SEED_ON_START ?? embedded,
    readingWordsPerMinute: env.READING_WPM ?? 200,
    embedHosts: parseEmbedHosts(env.EMBED_HOSTS),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    heapGrowthPercent: env.HEAP_GROWTH_PERCENT ?? 50,
    cache: {
      maxAgeSeconds: env.CACHE_MAX_AGE ?? 60,
      staleWhileRevalidateSeconds: env.CACHE_STALE_WHILE_REVALIDATE ?? 300,
      staleIfErrorSeconds: env.CACHE_STALE_IF_ERROR ?? 86_400,
      responseCacheBytes: (env.RESPONSE_CACHE_MB ?? 32) * 1024 * 1024,
    },
    site: {
      url: siteUrl,
      title: env.SITE_TITLE ?? 'Byline',
      postUrlPattern: env.POST_URL_PATTERN ?? '/{slug}/',
      pageUrlPattern: env.PAGE_URL_PATTERN ?? '/{slug}/',
      // Default: the API is served under the site's own origin (e.g. a reverse proxy routing /api).
      apiUrl: env.API_URL?.replace(/\/+$/, '') ?? siteUrl,
      description: env.SITE_DESCRIPTION ?? '',
      locale: env.SITE_LOCALE ? Intl.getCanonicalLocales(env.SITE_LOCALE)[0] : 'en',
      timezone: env.SITE_TIMEZONE ? new Intl.DateTimeFormat('en', { timeZone: env.SITE_TIMEZONE }).resolvedOptions().timeZone : 'UTC',
    },
    media: {
      publicUrl: env.MEDIA_PUBLIC_URL?.replace(/\/+$/, '') ?? `${env.API_URL?.replace(/\/+$/, '') ?? siteUrl}/media`,
      storage: (env.MEDIA_STORAGE ?? 'local') as 'local' | 's3',
      dir: resolve(projectRoot(), env.MEDIA_DIR ?? '.data/media'),
      widths: parseWidths(env.MEDIA_WIDTHS ?? '320,640,960,1280,1920'),
      maxBytes: env.MEDIA_MAX_BYTES ?? 20 * 1024 * 1024,
      maxPixels: env.MEDIA_MAX_PIXELS ?? 50_000_000,
      concurrency: env.MEDIA_PROCESSING_CONCURRENCY ?? 2,
      s3: {
        endpoint: env.S3_ENDPOINT,
        bucket: env.S3_BUCKET ?? '',
        region: env.S3_REGION ?? 'us-east-1',
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
      },
    },
    graphql: {
      introspection: env.GRAPHQL_INTROSPECTION ?? nodeEnv !== 'production',
      // The IDE reads the schema through introspection, so it follows that setting unless told otherwise.
      ide: env.GRAPHQL_IDE ?? env.GRAPHQL_INTROSPECTION ?? nodeEnv !== 'production',
      schemaFile: env.GRAPHQL_SCHEMA_FILE === undefined ? undefined : resolve(env.GRAPHQL_SCHEMA_FILE),
    },
    // Tests get effectively no limit unless they set one, so suites never trip over it.
    rateLimit: {
      anonymousPerMinute: env.RATE_LIMIT_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 600),
      searchPerMinute: env.RATE_LIMIT_SEARCH_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 120),
      authFailuresPerMinute: env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 30),
      tokenPerMinute: env.RATE_LIMIT_TOKEN_PER_MINUTE ?? (nodeEnv === 'test' ? 1_000_000 : 1200),
      trustedClients: (env.RATE_LIMIT_TRUSTED_CLIENTS ?? '').split(',').map((entry) => entry.trim()).filter(Boolean),
    },
    // Off by default under test: a background poller would disturb the statement-counting tests.
    scheduler: { enabled: env.SCHEDULER_ENABLED ?? nodeEnv !== 'test', intervalMs: env.SCHEDULER_INTERVAL_MS ?? 1000 },
    // On under test too: related lists are only kept current by it.
    relatedRefresh: {
      enabled: env.RELATED_REFRESH_ENABLED ?? true,
      intervalMs: env.RELATED_REFRESH_INTERVAL_MS ?? 250,
      delayMs: env.RELATED_REFRESH_DELAY_MS ?? 250,
    },
    // Off by default under test for the same reason as the scheduler; the webhook tests switch it on.
    webhooks: {
      enabled: env.WEBHOOKS_ENABLED ?? nodeEnv !== 'test',
      pollIntervalMs: env.WEBHOOK_POLL_INTERVAL_MS ?? 1000,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS ?? 10_000,
      allowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? false,
      allowedNetworks: splitList(env.WEBHOOK_ALLOWED_NETWORKS),
    },
  };
}

/** SITE_LOCALE must be a BCP 47 tag and SITE_TIMEZONE an IANA zone, as the settings API requires of editors. */
function siteDefaultProblems(env: EnvironmentVariables): string[] {
  const problems: string[] = [];
  try {
    if (env.SITE_LOCALE !== undefined) Intl.getCanonicalLocales(env.SITE_LOCALE);
  } catch {
    problems.push(`SITE_LOCALE=${JSON.stringify(env.SITE_LOCALE)}: must be a BCP 47 language tag such as "en" or "pt-BR"`);
  }
  const zone = env.SITE_TIMEZONE;
  if (zone !== undefined) {
    let valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone);
    try {
      if (valid) new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      valid = false;
    }
    if (!valid) problems.push(`SITE_TIMEZONE=${JSON.stringify(zone)}: must be an IANA time zone such as "Europe/Berlin"`);
  }
  return problems;
}

function parseWidths(value: string): number[] {
  return [...new Set(splitList(value).map(Number))].filter((w) => w > 0).sort((a, b) => a - b);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
}

function parseTimeouts(env: EnvironmentVariables): AppConfig['http']['timeouts'] {
  const headersMs = env.HTTP_HEADERS_TIMEOUT_MS ?? 10_000;
  const bodyMs = env.HTTP_BODY_TIMEOUT_MS ?? 30_000;
  // Node's whole-request limit must not cut in before the friendlier header and body limits.
  const requestMs = Math.max(env.HTTP_REQUEST_TIMEOUT_MS ?? 60_000, headersMs, bodyMs);
  return { headersMs, bodyMs, requestMs };
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
