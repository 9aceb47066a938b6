import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { DATABASE_URL } from '../../database/database.tokens';
import { PrismaService } from '../../database/prisma.service';

/** The channel the commit trigger notifies (migration 20261130200000_content_generation_notify). */
const CHANNEL = 'byline_content_generation';
/** How the listener shows up in pg_stat_activity (operators, and the test that kills it). */
export const LISTENER_APPLICATION_NAME = 'byline-content-generation';

export interface GenerationSubscription {
  close(): Promise<void>;
}

@Injectable()
export class ContentGenerationRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  /**
   * The committed content generation (see migration 20261124090000_content_generation). Straight on
   * the pool: a one-column read needs no query planning.
   */
  async current(): Promise<number> {
    const result = await this.prisma.pool.query<{ value: string }>('SELECT "value"::text AS "value" FROM "content_generation" WHERE "id"');
    return Number(result.rows[0]?.value ?? 0);
  }

  /**
   * Opens a dedicated connection (not from the pool: LISTEN is per session) that reports each
   * committed generation to `onValue`, and the counter itself once listening (nothing committed in
   * between is missed). `onLost` is called once when the connection fails or ends.
   */
  async listen(onValue: (value: number) => void, onLost: (error?: Error) => void): Promise<GenerationSubscription> {
    const client = new Client({ connectionString: this.url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    let lost = false;
    const lose = (error?: Error) => {
      if (lost) return;
      lost = true;
      onLost(error);
    };
    client.on('error', lose);
    client.on('end', () => lose());
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) onValue(Number(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      const result = await client.query<{ value: string }>('SELECT "value"::text AS "value" FROM "content_generation" WHERE "id"');
      onValue(Number(result.rows[0]?.value ?? 0));
    } catch (error) {
      lost = true; // the caller learns of this failure from the rejection, not from onLost
      await client.end().catch(() => undefined);
      throw error;
    }
    return {
      close: async () => {
        lost = true;
        await client.end().catch(() => undefined);
      },
    };
  }
}
