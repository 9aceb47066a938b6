import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { Public } from '../../common/auth/access.decorators';
import { NoStore } from '../../common/http/cache-headers';

@ApiTags('health')
@Public()
@SkipThrottle() // probes must never be refused
@NoStore() // a proxy must never answer a probe with an old result
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up.' })
  @ApiOkResponse({ description: 'Always `{ "status": "ok" }`.', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: false, swaggerDocumentation: true }) // Cache-Control comes from @NoStore(), as on every route
  @ApiOperation({ summary: 'The database is reachable and all migrations are applied (503 otherwise).' })
  ready() {
    return this.health.check([() => this.database.check('database')]);
  }
}
