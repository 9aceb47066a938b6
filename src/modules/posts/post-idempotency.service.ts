import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { decideOnExistingKey, hashRequest, IDEMPOTENCY_TTL_MS, validateIdempotencyKey } from './domain/idempotency';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

export interface StoredResponse {
  status: number;
  /** The JSON body as sent (dates as ISO strings). */
  body: unknown;
  replayed: boolean;
}

/**
 * Runs a POST at most once per (token, Idempotency-Key) for 24 h: a retry with the same body replays the stored
 * response, a different body is 422, a retry while the first is still running is 409.
 */
@Injectable()
export class PostIdempotencyService {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  async once(
    scope: { tokenId: string | null; key: string | undefined; operation: string; request: unknown },
    run: () => Promise<{ status: number; body: unknown }>,
  ): Promise<StoredResponse> {
    if (scope.key === undefined) return { ...(await run()), replayed: false };
    const key = validateIdempotencyKey(scope.key);
    if (!scope.tokenId) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Idempotency keys need an API token.');
    const now = new Date();
    const hash = hashRequest(scope.operation, scope.request);
    const existing = await this.keys.claim(scope.tokenId, key, hash, now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS));
    if (existing) return { ...decideOnExistingKey(existing, hash).replay, replayed: true };
    let response: { status: number; body: unknown };
    try {
      response = await run();
    } catch (error) {
      await this.keys.release(scope.tokenId, key);
      throw error;
    }
    const body = JSON.parse(JSON.stringify(response.body)) as unknown;
    await this.keys.complete(scope.tokenId, key, response.status, body);
    return { status: response.status, body, replayed: false };
  }
}
