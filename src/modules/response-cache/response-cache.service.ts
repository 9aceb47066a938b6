import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ContentGenerationService } from './content-generation.service';

/** A fresh entry older than this is read again even if no commit was announced (see README "Caching"). */
const FRESH_FOR_MS = 10 * 60_000;

/** A response exactly as it was sent, ready to be written again. */
export interface CachedResponse {
  /** The content generation current when the request that produced it started. */
  generation: number;
  storedAt: number;
  etag: string | undefined;
  /** Flat [name, value, name, value, ...] list, Content-Length included, X-Request-Id excluded. */
  headers: string[];
  /** The headers a 304 repeats (ETag, Cache-Control, Vary, Content-Location, Expires, Date is Node's). */
  notModifiedHeaders: string[];
  body: Buffer;
}

/**
 * The one in-process cache of public responses (REST and GraphQL). One entry per request key: the
 * newest one produced. It is fresh while its generation is the instance's current one; an older entry
 * is kept as the stale answer of last resort while the database is unreachable (RFC 5861 stale-if-error).
 */
@Injectable()
export class ResponseCacheService {
  private readonly entries: LRUCache<string, CachedResponse> | null;
  private readonly staleIfErrorMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    readonly generation: ContentGenerationService,
  ) {
    const maxSize = config.cache.responseCacheBytes;
    this.entries = maxSize > 0 ? new LRUCache({ maxSize, sizeCalculation: (entry, key) => Math.max(1, entry.body.length + key.length + 256) }) : null;
    this.staleIfErrorMs = config.cache.staleIfErrorSeconds * 1000;
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  /** The entry for `key` if it reflects the current generation. */
  fresh(key: string): CachedResponse | undefined {
    const entry = this.entries?.get(key);
    if (!entry || entry.generation !== this.generation.current) return undefined;
    return Date.now() - entry.storedAt < FRESH_FOR_MS ? entry : undefined;
  }

  /** The last entry for `key`, whatever its generation, within the stale-if-error window. */
  stale(key: string): CachedResponse | undefined {
    const entry = this.entries?.get(key);
    return entry && Date.now() - entry.storedAt <= this.staleIfErrorMs ? entry : undefined;
  }

  /** Keeps `entry` unless a response from a newer generation is already there. */
  store(key: string, entry: CachedResponse): void {
    if (!this.entries || entry.generation < 0) return;
    const existing = this.entries.peek(key);
    if (existing && existing.generation > entry.generation) return;
    this.entries.set(key, entry);
  }
}
