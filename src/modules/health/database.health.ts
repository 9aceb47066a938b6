import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseAvailability } from '../../database/database-availability';
import { pendingMigrations } from '../../database/migration-status';
import { PrismaService } from '../../database/prisma.service';

/**
 * Ready = not starting or shutting down, the database answers within the readiness deadline, and every
 * committed migration is applied. The deadline keeps a probe from queueing behind a stuck pool.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly prisma: PrismaService,
    private readonly health: HealthIndicatorService,
    private readonly availability: DatabaseAvailability,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    const phase = this.availability.phase;
    if (phase === 'draining') return indicator.down({ message: 'shutting down' });
    if (phase === 'starting') return indicator.down({ message: 'waiting for the database' });
    const deadlineMs = this.config.health.readyTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), deadlineMs)));
    try {
      const pending = await Promise.race([pendingMigrations(this.prisma), deadline]);
      if (pending === 'timeout') return indicator.down({ message: `database did not answer within ${deadlineMs} ms` });
      return pending.length === 0 ? indicator.up() : indicator.down({ pendingMigrations: pending });
    } catch {
      return indicator.down({ message: 'database unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
