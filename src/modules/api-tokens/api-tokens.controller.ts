import { Body, Controller, Delete, Get, HttpCode, Param, Post, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedToken, CurrentToken, RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { one, whole } from '../../common/http/envelopes';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenBody } from './dto/create-api-token.body';
import { ApiTokenModel, CreatedApiTokenModel } from './models/api-token.model';
import { ApiDataResponse, ApiListResponse } from '../../common/openapi/api-responses.decorators';

@ApiTags('admin: tokens')
@ApiBearerAuth()
@Controller('api/admin/tokens')
@RequireScopes('tokens:manage')
@SetMetadata(PRIVATE_RESPONSE, true)
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Mint a token. The response carries the plaintext token once; only its hash is stored.' })
  @ApiDataResponse(CreatedApiTokenModel, { status: 201, description: 'The token, with its plaintext.' })
  async create(@Body() body: CreateApiTokenBody, @Actor() actor: AuditActor, @CurrentToken() caller: AuthenticatedToken | undefined) {
    return one(await this.tokens.create(body, actor, { grantableScopes: caller?.scopes ?? [] }));
  }

  @Get()
  @ApiOperation({ summary: 'All tokens, newest first, with prefix, scopes, expiry, last use and revocation (never the token itself).' })
  @ApiListResponse(ApiTokenModel, 'total', 'Every token.')
  async list() {
    const tokens = await this.tokens.list();
    return whole(tokens);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a token; it is refused from the next request on. Revoking twice is harmless.' })
  @ApiDataResponse(ApiTokenModel, { description: 'The token, now revoked.' })
  async revoke(@Param('id', UuidPipe) id: string, @Actor() actor: AuditActor) {
    return one(await this.tokens.revoke(id, actor));
  }
}
