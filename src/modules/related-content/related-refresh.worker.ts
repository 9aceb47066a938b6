import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RelatedRefreshClaim, RelatedRefreshRepository } from './related-refresh.repository';

/** Queue rows claimed at once; a full batch is followed at once by the next one. */
export const RELATED_REFRESH_BATCH = 20;
/** A claimed row is not handed to anyone else for this long (a crashed instance's work comes back after it). */
const LEASE_MS = 60_000;
/** A refresh that failed (database blip) is retried after this long. */
const RETRY_MS = 5_000;

/**
 * Keeps related-post lists current after commit: drains related_refresh_queue, filled by post and tag
 * writes. Runs in every instance; SKIP LOCKED claims share the work so each queued post is refreshed
 * once. Nothing is kept in memory: work queued while no instance ran is done on the next start.
 */
@Injectable()
export class RelatedRefreshWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RelatedRefreshWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;
  /** Test seam: called after each committed refresh. */
  onRefreshed?: (claim: RelatedRefreshClaim) => void;

  constructor(
    private readonly repository: RelatedRefreshRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.relatedRefresh.enabled) this.schedule(0);
  }

  // Stop before the database module closes its pool (its hook runs in onApplicationShutdown).
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Refreshes every due post (in batches) and returns how many; overlapping calls share one run. */
  drain(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Takes no new work, hands back what it had claimed but not started, and waits for the refresh in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.drain().then(() => this.schedule(this.config.relatedRefresh.intervalMs));
    }, delayMs);
    // Never keep the process alive just for the poller.
    this.timer.unref();
  }

  private async work(): Promise<number> {
    let done = 0;
    try {
      for (;;) {
        const batch = await this.repository.claim(RELATED_REFRESH_BATCH, LEASE_MS);
        for (const claim of batch) {
          if (this.stopped) {
            await this.repository.release(claim, 0);
            continue;
          }
          if (await this.refreshOne(claim)) done += 1;
        }
        if (batch.length < RELATED_REFRESH_BATCH || this.stopped) break;
      }
    } catch (error) {
      // Unclaimed or leased rows stay queued; the next poll (or another instance) takes them.
      this.logger.warn({ err: error }, 'related-posts refresh failed; retrying on the next poll');
    }
    return done;
  }

  private async refreshOne(claim: RelatedRefreshClaim): Promise<boolean> {
    try {
      await this.repository.refresh(claim);
      this.onRefreshed?.(claim);
      return true;
    } catch (error) {
      this.logger.warn({ err: error, postId: claim.postId }, 'related-posts refresh of one post failed; retrying later');
      await this.repository.release(claim, RETRY_MS).catch(() => undefined);
      return false;
    }
  }
}
