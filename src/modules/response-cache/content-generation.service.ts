import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ContentGenerationRepository, GenerationSubscription } from './content-generation.repository';

/** While the listener is down, the counter is polled this often (the 1 s freshness bound needs < 1 s). */
export const POLL_INTERVAL_MS = 250;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * This instance's view of the committed content generation, kept in memory so that a cache hit needs
 * no database. A LISTEN connection advances it as commits are announced; while that connection is
 * down, the counter is polled and the connection retried with backoff (and re-read once it is back).
 * The value only ever moves forward.
 */
@Injectable()
export class ContentGenerationService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ContentGenerationService.name);
  private value = -1;
  private subscription: GenerationSubscription | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectDelay = RECONNECT_MIN_MS;
  private stopped = false;

  constructor(private readonly repository: ContentGenerationRepository) {}

  /** -1 until the counter has been read once; nothing is cached before that. */
  get current(): number {
    return this.value;
  }

  get known(): boolean {
    return this.value >= 0;
  }

  /** Whether the LISTEN connection is up (otherwise the counter is being polled). */
  get listening(): boolean {
    return this.subscription !== undefined;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopPolling();
    clearTimeout(this.reconnectTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  /**
   * Reads the counter now (read-your-writes: called after a write is acknowledged, before its response
   * is sent). Failures are swallowed: the listener or the poller catches up.
   */
  async refresh(): Promise<void> {
    try {
      this.advance(await this.repository.current());
    } catch {
      // database unreachable: keep the last known value
    }
  }

  private advance(value: number): void {
    if (Number.isFinite(value) && value > this.value) this.value = value;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      this.subscription = await this.repository.listen(
        (value) => this.advance(value),
        (error) => this.onLost(error),
      );
      this.reconnectDelay = RECONNECT_MIN_MS;
      this.stopPolling();
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'content generation listener could not connect; polling');
      this.startPolling();
      this.scheduleReconnect();
    }
  }

  private onLost(error?: Error): void {
    this.subscription = undefined;
    if (this.stopped) return;
    this.logger.warn({ err: error ? { message: error.message } : undefined }, 'content generation listener lost; polling until it is back');
    this.startPolling();
    // Catch up at once: a commit may have been announced while the connection was going down.
    void this.refresh();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(RECONNECT_MAX_MS, delay * 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private startPolling(): void {
    if (this.pollTimer || this.stopped) return;
    let inFlight = false;
    this.pollTimer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      void this.refresh().finally(() => (inFlight = false));
    }, POLL_INTERVAL_MS);
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }
}
