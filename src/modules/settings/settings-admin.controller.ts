import { Body, Controller, Get, Headers, Patch, Res, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireScopes } from '../../common/auth/access.decorators';
import { PRIVATE_RESPONSE } from '../../common/http/cache-headers';
import { one } from '../../common/http/envelopes';
import { ApiDataResponse } from '../../common/openapi/api-responses.decorators';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { UpdateSettingsInput } from './dto/update-settings.input';
import { AdminSettingsModel } from './models/settings.model';
import { SettingsService } from './settings.service';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag from the last read or write (428 without it, 412 when stale).' };

@ApiTags('admin: settings')
@ApiBearerAuth()
@Controller('api/admin/settings')
@RequireScopes('settings:write')
@SetMetadata(PRIVATE_RESPONSE, true)
export class SettingsAdminController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The settings as editors see them (every menu entry); the ETag header is what PATCH expects in If-Match.' })
  @ApiDataResponse(AdminSettingsModel)
  async get(@Res({ passthrough: true }) res: Response) {
    return withEtag(res, await this.settings.getForEditor());
  }

  @Patch()
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change some settings (absent fields stay; lists are replaced). Requires If-Match. Audited; emits settings.updated.' })
  @ApiDataResponse(AdminSettingsModel)
  async update(
    @Body() body: UpdateSettingsInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: AuditActor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withEtag(res, await this.settings.update(body, ifMatch, actor));
  }
}

function withEtag(res: Response, settings: AdminSettingsModel) {
  res.setHeader('ETag', settings.etag);
  return one(settings);
}
