import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

@Injectable()
export class ContentGenerationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The committed content generation (see migration 20261124090000_content_generation). Straight on
   * the pool: this runs on every cacheable request, and a one-column read needs no query planning.
   */
  async current(): Promise<string> {
    const result = await this.prisma.pool.query<{ value: string }>('SELECT "value"::text AS "value" FROM "content_generation" WHERE "id"');
    return result.rows[0]?.value ?? '0';
  }
}
