import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/** Every environment variable Byline reads, with its rules. Defaults live in app-config.ts. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  // Express's "trust proxy": true, false, a hop count, or comma-separated addresses/subnets/names.
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of hops, or a comma-separated list of addresses or subnets',
  })
  TRUST_PROXY?: string;

  // `*` (any origin), `none`, or a comma-separated list of exact origins (scheme://host[:port]).
  @IsOptional()
  @Matches(/^(\*|none|https?:\/\/[^\s,/]+\/?(\s*,\s*https?:\/\/[^\s,/]+\/?)*)$/, {
    message: 'CORS_ORIGINS must be *, none, or a comma-separated list of origins like https://blog.example',
  })
  CORS_ORIGINS?: string;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  DATABASE_PREPARED_STATEMENTS?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DATABASE_CONNECT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86_400_000)
  DATABASE_POOL_IDLE_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000)
  DATABASE_WRITE_STATEMENT_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000)
  HEALTH_READY_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_DELAY_MS?: number;

  @IsOptional() @IsString()
  EMBEDDED_PG_DATA_DIR?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  MIGRATE_ON_START?: boolean;

  @IsOptional() @Transform(toBool) @IsBoolean()
  GRAPHQL_IDE?: boolean;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SEED_ON_START?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(2000)
  READING_WPM?: number;

  // `none`, or a comma-separated list of hostnames whose https:// pages articles may embed in an iframe.
  @IsOptional()
  @Matches(/^(none|[A-Za-z0-9.-]+(\s*,\s*[A-Za-z0-9.-]+)*)$/, {
    message: 'EMBED_HOSTS must be none or a comma-separated list of hostnames like www.youtube.com',
  })
  EMBED_HOSTS?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(31_536_000)
  CACHE_MAX_AGE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(31_536_000)
  CACHE_STALE_WHILE_REVALIDATE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(4096)
  RESPONSE_CACHE_MB?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(400)
  HEAP_GROWTH_PERCENT?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(31_536_000)
  CACHE_STALE_IF_ERROR?: number;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SITE_URL?: string;

  @IsOptional() @IsString() @MaxLength(200)
  SITE_TITLE?: string;

  /** Defaults of the site settings until an editor changes them (GET /api/settings). */
  @IsOptional() @IsString() @MaxLength(500)
  SITE_DESCRIPTION?: string;

  /** A BCP 47 language tag (checked with Intl in loadConfig). */
  @IsOptional() @IsString() @MaxLength(35)
  SITE_LOCALE?: string;

  /** An IANA time zone (checked with Intl in loadConfig). */
  @IsOptional() @IsString() @MaxLength(64)
  SITE_TIMEZONE?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  API_URL?: string;

  /** Base URL of media files (a CDN or the bucket's public endpoint); default: `<API_URL>/media`. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  MEDIA_PUBLIC_URL?: string;

  /** `local` (files under MEDIA_DIR, served at /media) or `s3` (an S3-compatible bucket; set the S3_* variables). */
  @IsOptional() @IsIn(['local', 's3'])
  MEDIA_STORAGE?: string;

  @IsOptional() @IsString()
  MEDIA_DIR?: string;

  /** Comma-separated variant widths in pixels, e.g. 320,640,960,1280,1920. */
  @IsOptional() @Matches(/^\d{2,5}(\s*,\s*\d{2,5})*$/, { message: 'MEDIA_WIDTHS must be comma-separated widths in pixels, e.g. 320,640,1280' })
  MEDIA_WIDTHS?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(1_073_741_824)
  MEDIA_MAX_BYTES?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000_000)
  MEDIA_MAX_PIXELS?: number;

  /** Uploads processed at once (each uses libvips threads off the event loop); more wait their turn. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64)
  MEDIA_PROCESSING_CONCURRENCY?: number;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @IsOptional() @IsString() @MaxLength(255)
  S3_BUCKET?: string;

  @IsOptional() @IsString() @MaxLength(100)
  S3_REGION?: string;

  @IsOptional() @IsString() @MaxLength(500)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional() @IsString() @MaxLength(500)
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  @IsOptional() @Matches(/\{slug\}/, { message: 'POST_URL_PATTERN must contain {slug}' })
  POST_URL_PATTERN?: string;

  @IsOptional() @Matches(/\{slug\}/, { message: 'PAGE_URL_PATTERN must contain {slug}' })
  PAGE_URL_PATTERN?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** Where the app writes the GraphQL SDL on start (`npm run schema:gql` sets it); unset: not written. */
  @IsOptional() @IsString()
  GRAPHQL_SCHEMA_FILE?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_TOKEN_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_SEARCH_PER_MINUTE?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE?: number;

  /** Comma-separated addresses or CIDR ranges (an SSR server, a CDN's origin pull) exempt from the anonymous read budgets. */
  @IsOptional() @IsString() @MaxLength(4000)
  @Matches(/^[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*$/, { message: 'must be IP addresses or CIDR ranges, comma-separated' })
  RATE_LIMIT_TRUSTED_CLIENTS?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SCHEDULER_ENABLED?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(60_000)
  SCHEDULER_INTERVAL_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  RELATED_REFRESH_ENABLED?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(60_000)
  RELATED_REFRESH_INTERVAL_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  RELATED_REFRESH_DELAY_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  WEBHOOKS_ENABLED?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600_000)
  HTTP_HEADERS_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000)
  HTTP_BODY_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toBool) @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS?: boolean;

  @IsOptional() @IsString() @MaxLength(4000)
  WEBHOOK_ALLOWED_NETWORKS?: string;
}
