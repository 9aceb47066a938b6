import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ContentGenerationRepository } from './content-generation.repository';

/** Entries older than this are dropped even if the content never changes (bounds memory held by cold keys). */
const ENTRY_TTL_MS = 10 * 60_000;

/**
 * In-process cache of public REST responses. Correctness does not rest on expiry: every key starts
 * with the content generation read at the start of the request, and that counter moves with every
 * committed change to public content, wherever it was made. An entry is therefore only ever served
 * to requests that started after the state it was computed from (or a newer one) was committed.
 */
@Injectable()
export class ResponseCacheService {
  private readonly entries: LRUCache<string, { body: unknown }> | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly generation: ContentGenerationRepository,
  ) {
    const maxSize = config.cache.responseCacheBytes;
    this.entries = maxSize > 0 ? new LRUCache({ maxSize, ttl: ENTRY_TTL_MS, sizeCalculation: sizeOf }) : null;
  }

  get enabled(): boolean {
    return this.entries !== null;
  }

  /** The generation prefix for a request's keys; read once per request, before any content is read. */
  currentGeneration(): Promise<string> {
    return this.generation.current();
  }

  get(generation: string, key: string): { body: unknown } | undefined {
    return this.entries?.get(`${generation}\u0000${key}`);
  }

  set(generation: string, key: string, body: unknown): void {
    this.entries?.set(`${generation}\u0000${key}`, { body });
  }
}

/** Approximate bytes held by an entry: its serialized size (strings are sent as they are). */
function sizeOf(entry: { body: unknown }, key: string): number {
  const body = typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body) ?? '';
  return Math.max(1, body.length + key.length);
}
