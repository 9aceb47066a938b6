import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { one } from '../../common/http/envelopes';
import { ApiDataResponse } from '../../common/openapi/api-responses.decorators';
import { SettingsModel } from './models/settings.model';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Public()
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'Site settings and navigation: title, description, logo, icon, accent colour, locale, time zone, social accounts, menus and the site URL.',
  })
  @ApiDataResponse(SettingsModel, { description: 'The settings; menu entries whose linked document is not published are left out.' })
  async get() {
    return one(await this.settings.getPublic());
  }
}
