import { Module } from '@nestjs/common';
import { ContentGenerationRepository } from './content-generation.repository';
import { GraphQLResponseCache } from './graphql-response-cache';
import { ResponseCacheInterceptor } from './response-cache.interceptor';
import { ResponseCacheService } from './response-cache.service';

@Module({
  providers: [ContentGenerationRepository, ResponseCacheService, ResponseCacheInterceptor, GraphQLResponseCache],
  exports: [ResponseCacheService, ResponseCacheInterceptor, GraphQLResponseCache],
})
export class ResponseCacheModule {}
