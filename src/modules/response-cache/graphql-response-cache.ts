import { Inject, Injectable } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ResponseCacheService } from './response-cache.service';

/** How long Apollo keeps a cached result; the content generation in the key makes it correct sooner. */
const ENTRY_TTL_SECONDS = 600;

/**
 * Apollo's response cache for anonymous GraphQL queries, keyed (besides the operation and variables)
 * by the content generation read at the start of the request, like the REST cache. Requests with a
 * token are neither served from nor written to it; results with errors and mutations never are.
 */
@Injectable()
export class GraphQLResponseCache {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: ResponseCacheService,
  ) {}

  plugins(): ApolloServerPlugin[] {
    const maxSize = this.config.cache.responseCacheBytes;
    if (maxSize === 0) return [];
    const anonymous = async ({ contextValue }: { contextValue: unknown }) =>
      (contextValue as { req?: Request }).req?.headers.authorization === undefined;
    return [
      // Every field is cacheable by default; nothing here sets HTTP headers (POST responses are not shared).
      ApolloServerPluginCacheControl({ defaultMaxAge: ENTRY_TTL_SECONDS, calculateHttpHeaders: false }),
      responseCachePlugin({
        cache: new InMemoryLRUCache({ maxSize }),
        shouldReadFromCache: anonymous,
        shouldWriteToCache: anonymous,
        extraCacheKeyData: () => this.cache.currentGeneration(),
      }),
    ];
  }
}
