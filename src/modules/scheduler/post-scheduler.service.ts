import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PostSchedulerRepository } from './post-scheduler.repository';

/** Posts published per transaction; a full batch is followed at once by the next one. */
export const SCHEDULER_BATCH_SIZE = 50;

/**
 * Publishes SCHEDULED posts once their time has come, by polling the database. Safe to run in
 * every API instance (see PostSchedulerRepository.publishDue); nothing is kept in memory, so
 * posts that fell due while no instance ran are published on the next start.
 */
@Injectable()
export class PostSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PostSchedulerService.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<string[]> | undefined;
  private stopped = false;

  constructor(
    private readonly repository: PostSchedulerRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduler.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.scheduler.intervalMs);
    // Never keep the process alive just for the poller.
    this.timer.unref();
  }

  // Stop before the database module closes its pool (its hook runs in onApplicationShutdown).
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** One poll: publishes every due post (in batches) and returns their ids. Overlapping calls share the run. */
  tick(): Promise<string[]> {
    if (this.stopped) return Promise.resolve([]);
    this.inFlight ??= this.publishAllDue().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async publishAllDue(): Promise<string[]> {
    const published: string[] = [];
    try {
      for (;;) {
        const batch = await this.repository.publishDue(SCHEDULER_BATCH_SIZE);
        published.push(...batch);
        if (batch.length < SCHEDULER_BATCH_SIZE || this.stopped) break;
      }
    } catch (error) {
      // A failed batch rolled back whole; the next tick retries it.
      this.logger.warn({ err: error }, 'scheduled publishing failed; retrying on the next tick');
    }
    if (published.length > 0) this.logger.log({ posts: published }, `published ${published.length} scheduled post(s)`);
    return published;
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}
