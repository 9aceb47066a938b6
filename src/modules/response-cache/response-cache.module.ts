import { Module } from '@nestjs/common';
import { ContentGenerationRepository } from './content-generation.repository';
import { ContentGenerationService } from './content-generation.service';
import { GraphQLResponseCache } from './graphql-response-cache';
import { ResponseCacheService } from './response-cache.service';

@Module({
  providers: [ContentGenerationRepository, ContentGenerationService, ResponseCacheService, GraphQLResponseCache],
  exports: [ResponseCacheService, ContentGenerationService, GraphQLResponseCache],
})
export class ResponseCacheModule {}
