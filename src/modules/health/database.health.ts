import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { pendingMigrations } from '../../database/migration-status';
import { PrismaService } from '../../database/prisma.service';

/** Ready = the database answers and every committed migration is applied. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly prisma: PrismaService,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const pending = await pendingMigrations(this.prisma);
      return pending.length === 0 ? indicator.up() : indicator.down({ pendingMigrations: pending });
    } catch {
      return indicator.down({ message: 'database unreachable' });
    }
  }
}
