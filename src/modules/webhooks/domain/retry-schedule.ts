/** A delivery is given up (FAILED) after this many unsuccessful attempts. */
export const MAX_DELIVERY_ATTEMPTS = 8;

export type AttemptOutcome =
  | { status: 'DELIVERED' }
  | { status: 'PENDING'; retryInMs: number }
  | { status: 'FAILED' };

/**
 * What follows an attempt. `attempts` counts this one. Retries back off exponentially:
 * base, 2×base, 4×base, … (with the 10 s default: 10 s … 21 min, about 42 min in all).
 */
export function afterAttempt(succeeded: boolean, attempts: number, baseMs: number): AttemptOutcome {
  if (succeeded) return { status: 'DELIVERED' };
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'FAILED' };
  return { status: 'PENDING', retryInMs: baseMs * 2 ** (attempts - 1) };
}
