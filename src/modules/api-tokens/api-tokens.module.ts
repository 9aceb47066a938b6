import { Module } from '@nestjs/common';
import { TOKEN_VERIFIER } from '../../common/auth/token-verifier';
import { AuditModule } from '../audit/audit.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';

@Module({
  imports: [AuditModule],
  controllers: [ApiTokensController],
  providers: [ApiTokensRepository, ApiTokensService, { provide: TOKEN_VERIFIER, useExisting: ApiTokensService }],
  exports: [ApiTokensService, TOKEN_VERIFIER],
})
export class ApiTokensModule {}
