import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import {
  decideOnExistingKey,
  hashRequest,
  IDEMPOTENCY_HEARTBEAT_MS,
  IDEMPOTENCY_LEASE_MS,
  IDEMPOTENCY_TTL_MS,
  inProgress,
  validateIdempotencyKey,
} from './domain/idempotency';
import { IdempotencyClaim, IdempotencyKeysRepository } from './idempotency-keys.repository';

export interface StoredResponse {
  status: number;
  /** The JSON body as sent (dates as ISO strings). */
  body: unknown;
  replayed: boolean;
}

type Response = { status: number; body: unknown };

const claimId = (c: IdempotencyClaim) => `${c.tokenId}\n${c.key}\n${c.createdAt.getTime()}`;

/**
 * Runs a POST at most once per (token, Idempotency-Key) for 24 h: a retry with the same body replays the
 * stored response, a different body is 422, a retry while the first is still running is 409
 * IDEMPOTENCY_IN_PROGRESS.
 *
 * Failures: `run` records what it created inside its own transaction (through the claim it is given).
 * A key left unfinished with a result is answered from that result (`recover`). One left unfinished
 * without a result created nothing: a failed request frees it, and when it could not (the database was
 * down) a retry takes it over as soon as that request has ended in this process, or once the claim's
 * lease, renewed by its running owner, has run out (another process, or one that died).
 */
@Injectable()
export class PostIdempotencyService {
  private readonly logger = new Logger(PostIdempotencyService.name);
  /** This process, as the owner recorded on its claims. */
  private readonly instance = randomUUID();
  /** Claims whose request is running in this process. */
  private readonly running = new Set<string>();

  constructor(private readonly keys: IdempotencyKeysRepository) {}

  async once(
    scope: { tokenId: string | null; key: string | undefined; operation: string; request: unknown },
    run: (claim: IdempotencyClaim | null) => Promise<Response>,
    recover: (resultId: string) => Promise<Response>,
  ): Promise<StoredResponse> {
    if (scope.key === undefined) return { ...(await run(null)), replayed: false };
    const key = validateIdempotencyKey(scope.key);
    if (!scope.tokenId) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Idempotency keys need an API token.');
    const tokenId = scope.tokenId;
    const now = new Date();
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
    const hash = hashRequest(scope.operation, scope.request);

    const leaseUntil = new Date(now.getTime() + IDEMPOTENCY_LEASE_MS);

    let claim = await this.keys.claim(tokenId, key, hash, now, expiresAt, this.instance, leaseUntil);
    if ('requestHash' in claim) {
      const previous: IdempotencyClaim = { tokenId, key, createdAt: claim.createdAt };
      const ownerEnded = claim.owner === this.instance && !this.running.has(claimId(previous));
      const decision = decideOnExistingKey(claim, hash, now, ownerEnded);
      if (decision.kind === 'replay') return { status: decision.status, body: decision.body, replayed: true };
      if (decision.kind === 'recover') return { ...(await this.store(tokenId, key, await recover(decision.resultId))), replayed: true };
      const taken = await this.keys.takeOver(previous, hash, now, expiresAt, this.instance, leaseUntil);
      if (!taken) throw inProgress();
      claim = taken;
    }

    const held = claim;
    this.running.add(claimId(held));
    const heartbeat = setInterval(() => {
      this.keys.renewLease(held, new Date(Date.now() + IDEMPOTENCY_LEASE_MS)).catch(() => undefined);
    }, IDEMPOTENCY_HEARTBEAT_MS);
    heartbeat.unref();
    let response: Response;
    try {
      response = await run(held);
    } catch (error) {
      // Not being able to free the key (the database is down) is fine: a retry takes it over.
      await this.keys.release(held).catch((releaseError: unknown) => {
        this.logger.warn({ err: { message: (releaseError as Error)?.message } }, 'could not release an Idempotency-Key; a retry will take it over');
      });
      throw error;
    } finally {
      clearInterval(heartbeat);
      this.running.delete(claimId(held));
    }
    return { ...(await this.store(tokenId, key, response)), replayed: false };
  }

  private async store(tokenId: string, key: string, response: Response): Promise<Response> {
    const body = JSON.parse(JSON.stringify(response.body)) as unknown;
    await this.keys.complete(tokenId, key, response.status, body);
    return { status: response.status, body };
  }
}
