import { Inject, Injectable } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { markShareable, publicCacheControl } from '../../common/http/cache-headers';
import type { GraphQLContext } from '../../common/graphql/graphql-context';
import { carriesPreviewToken } from '../../common/preview/preview-request';
import { markServeStale, markWrite } from './response-cache.front';

/** Codes of a failure that a stale answer may cover (the database is unreachable, or failed the request). */
const STALE_IF_ERROR_CODES = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL']);

/**
 * Tells the response cache in front of the app what a GraphQL answer is: an anonymous query answered
 * without errors is shareable (over GET and POST alike, with the public Cache-Control); a mutation
 * makes its response wait for the new content generation; a database failure asks for the stale entry.
 */
@Injectable()
export class GraphQLResponseCache {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  plugins(): ApolloServerPlugin<GraphQLContext>[] {
    const cacheControl = publicCacheControl(this.config.cache);
    const plugin: ApolloServerPlugin<GraphQLContext> = {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (operation?.operation === 'mutation' && contextValue?.res) markWrite(contextValue.res);
          },
          async willSendResponse({ response, contextValue, operation }) {
            const { req, res } = contextValue ?? {};
            if (!req || !res || response.body.kind !== 'single') return;
            const errors = response.body.singleResult.errors;
            if (errors?.some((e) => STALE_IF_ERROR_CODES.has(String(e.extensions?.code)))) markServeStale(res);
            const status = response.http.status ?? 200;
            if (req.headers.authorization !== undefined || carriesPreviewToken(req)) {
              response.http.headers.set('cache-control', 'private, no-store');
            } else if (operation?.operation === 'query' && !errors && status === 200) {
              response.http.headers.set('cache-control', cacheControl);
              markShareable(res);
            } else {
              response.http.headers.set('cache-control', 'no-store');
            }
          },
        };
      },
    };
    // Cache hints are not used: the response cache in front keys whole answers by content generation.
    return [ApolloServerPluginCacheControlDisabled(), plugin];
  }
}
