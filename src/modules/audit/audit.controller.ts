import { Controller, Get, Query, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { list } from '../../common/http/envelopes';
import { PageQuery } from '../../common/pagination/page.query';
import { AuditService } from './audit.service';
import { ApiListResponse } from '../../common/openapi/api-responses.decorators';
import { AuditEntryModel } from './models/audit-entry.model';

@ApiTags('admin: audit')
@ApiBearerAuth()
@Controller('api/admin/audit')
@RequireScopes('tokens:manage')
@SetMetadata(PRIVATE_RESPONSE, true)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first: every mutation with its token id, action, target and request id.' })
  @ApiListResponse(AuditEntryModel, 'page')
  async list(@Query() query: PageQuery) {
    return list(await this.audit.list(query));
  }
}
