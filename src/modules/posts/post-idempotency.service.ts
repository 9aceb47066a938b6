import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { decideOnExistingKey, hashRequest, IDEMPOTENCY_TTL_MS, IN_FLIGHT_LEASE_MS, inProgress, validateIdempotencyKey } from './domain/idempotency';
import { IdempotencyClaim, IdempotencyKeysRepository } from './idempotency-keys.repository';

export interface StoredResponse {
  status: number;
  /** The JSON body as sent (dates as ISO strings). */
  body: unknown;
  replayed: boolean;
}

type Response = { status: number; body: unknown };

/**
 * Runs a POST at most once per (token, Idempotency-Key) for 24 h: a retry with the same body replays the
 * stored response, a different body is 422, a retry while the first is still running is 409.
 *
 * Crashes: `run` records what it created inside its own transaction (through the claim it is given).
 * A key left unfinished with a result is answered from that result (`recover`); one left unfinished
 * without a result created nothing, and is taken over once its lease has run out.
 */
@Injectable()
export class PostIdempotencyService {
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

    let claim = await this.keys.claim(tokenId, key, hash, now, expiresAt);
    if ('requestHash' in claim) {
      const decision = decideOnExistingKey(claim, hash, now);
      if (decision.kind === 'replay') return { status: decision.status, body: decision.body, replayed: true };
      if (decision.kind === 'recover') return { ...(await this.store(tokenId, key, await recover(decision.resultId))), replayed: true };
      const taken = await this.keys.takeOver(tokenId, key, hash, now, expiresAt, new Date(now.getTime() - IN_FLIGHT_LEASE_MS));
      if (!taken) throw inProgress();
      claim = taken;
    }

    let response: Response;
    try {
      response = await run(claim);
    } catch (error) {
      await this.keys.release(claim);
      throw error;
    }
    return { ...(await this.store(tokenId, key, response)), replayed: false };
  }

  private async store(tokenId: string, key: string, response: Response): Promise<Response> {
    const body = JSON.parse(JSON.stringify(response.body)) as unknown;
    await this.keys.complete(tokenId, key, response.status, body);
    return { status: response.status, body };
  }
}
