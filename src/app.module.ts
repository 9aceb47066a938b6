import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './common/auth/access.guard';
import { buildGraphQLOptions } from './common/graphql/graphql-options';
import { CacheHeadersGuard } from './common/http/cache-headers';
import { FixedWindowStorage } from './common/http/fixed-window.storage';
import { RateLimitGuard } from './common/http/rate-limit.guard';
import { buildLoggerOptions } from './common/logging/logger-options';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ResolvedDatabase } from './database/database-bootstrap';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthorsModule } from './modules/authors/authors.module';
import { FeedsModule } from './modules/feeds/feeds.module';
import { HealthModule } from './modules/health/health.module';
import { HomeModule } from './modules/home/home.module';
import { MediaModule } from './modules/media/media.module';
import { PostListingLoadersFactory } from './modules/post-listings/post-listings.loaders';
import { PostListingsModule } from './modules/post-listings/post-listings.module';
import { PostLoadersFactory } from './modules/posts/posts.loaders';
import { PostsModule } from './modules/posts/posts.module';
import { PreviewsModule } from './modules/previews/previews.module';
import { RelatedLoadersFactory } from './modules/related-content/related-content.loaders';
import { RelatedContentModule } from './modules/related-content/related-content.module';
import { GraphQLResponseCache } from './modules/response-cache/graphql-response-cache';
import { ResponseCacheModule } from './modules/response-cache/response-cache.module';
import { SeedModule } from './modules/seed/seed.module';
import { SearchModule } from './modules/search/search.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SchedulerModule } from './modules/scheduler/scheduler.module';
import { TagsModule } from './modules/tags/tags.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: ResolvedDatabase): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(buildLoggerOptions(config)),
        DatabaseModule.forRoot(database),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [PostsModule, RelatedContentModule, PostListingsModule, ResponseCacheModule],
          inject: [PostLoadersFactory, RelatedLoadersFactory, PostListingLoadersFactory, GraphQLResponseCache],
          useFactory: (
            posts: PostLoadersFactory,
            related: RelatedLoadersFactory,
            listings: PostListingLoadersFactory,
            responseCache: GraphQLResponseCache,
          ) =>
            buildGraphQLOptions(
              config,
              () => ({ ...posts.create(), ...related.create(), ...listings.create() }),
              responseCache.plugins(),
            ),
        }),
        HealthModule,
        HomeModule,
        MediaModule,
        PostsModule,
        TagsModule,
        AuthorsModule,
        RelatedContentModule,
        PostListingsModule,
        SearchModule,
        SettingsModule,
        PreviewsModule,
        FeedsModule,
        SeedModule,
        ApiTokensModule,
        AuditModule,
        SchedulerModule,
        WebhooksModule,
        ResponseCacheModule,
        // One throttler; RateLimitGuard picks the budget (and its limit) per request.
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.rateLimit.anonymousPerMinute }],
          storage: new FixedWindowStorage(),
        }),
      ],
      providers: [
        // Order matters: the rate limit counts refused calls too, then access is checked, then the cache
        // headers (and the mark that lets the response cache in front of the app keep a public read) are set.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: CacheHeadersGuard },
      ],
    };
  }
}
