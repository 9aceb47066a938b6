import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { afterAttempt } from './domain/retry-schedule';
import { ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookPayloadsService } from './webhook-payloads.service';
import { DELIVERY_TIMEOUT_MS, sendDelivery } from './webhook-sender';

/** Deliveries claimed per round; a full batch is followed at once by the next one. */
export const DISPATCH_BATCH_SIZE = 20;
/** How long a claimed delivery is kept from other instances: well beyond the request timeout. */
export const DELIVERY_LEASE_MS = 30_000;

/**
 * Sends queued webhook deliveries by polling the database. Safe in every API instance: rows are
 * claimed with SKIP LOCKED and a lease, and sent outside any transaction (no lock held over HTTP).
 * Delivery is at least once; receivers dedupe on X-Byline-Delivery.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly payloads: WebhookPayloadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.webhooks.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.webhooks.pollIntervalMs);
    this.timer.unref();
  }

  // Stop before the database module closes its pool (its hook runs in onApplicationShutdown).
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** One poll: sends every due delivery (in batches); returns how many were attempted. Overlapping calls share the run. */
  tick(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.inFlight ??= this.dispatchAllDue().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async dispatchAllDue(): Promise<number> {
    let attempted = 0;
    try {
      for (;;) {
        const batch = await this.deliveries.claimDue(DISPATCH_BATCH_SIZE, DELIVERY_LEASE_MS);
        await Promise.all(batch.map((delivery) => this.attempt(delivery)));
        attempted += batch.length;
        if (batch.length < DISPATCH_BATCH_SIZE || this.stopped) break;
      }
    } catch (error) {
      // Claimed rows keep their lease and come back once it ends.
      this.logger.warn({ err: error }, 'webhook dispatch failed; retrying on the next tick');
    }
    return attempted;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const { id, event, url, secret } = delivery;
    const payload = await this.completedPayload(delivery);
    const result = await sendDelivery({ id, event, url, secret, body: JSON.stringify(payload) }, DELIVERY_TIMEOUT_MS, this.config.webhooks);
    const attempts = delivery.attempts + 1;
    const next = afterAttempt(result.ok, attempts, this.config.webhooks.retryBaseMs);
    const error = result.error ?? '';
    if (next.status === 'DELIVERED') {
      await this.deliveries.recordAttempt(id, { status: 'DELIVERED', statusCode: result.statusCode ?? 0 });
    } else if (next.status === 'PENDING') {
      await this.deliveries.recordAttempt(id, { status: 'PENDING', statusCode: result.statusCode, error, retryInMs: next.retryInMs });
    } else {
      // No URL in the log: receivers often carry credentials in it.
      this.logger.warn({ delivery: id, attempts }, `webhook delivery failed for good: ${error}`);
      await this.deliveries.recordAttempt(id, { status: 'FAILED', statusCode: result.statusCode, error });
    }
  }

  private async completedPayload({ id, event, payload }: ClaimedDelivery): Promise<Record<string, unknown>> {
    const completed = await this.payloads.complete(event, payload);
    if (!completed) return payload;
    await this.deliveries.savePayload(id, completed);
    return completed;
  }

  private async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}
