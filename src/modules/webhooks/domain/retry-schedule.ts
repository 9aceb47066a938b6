/** A delivery is given up (FAILED) after this many unsuccessful attempts. */
export const MAX_DELIVERY_ATTEMPTS = 8;

export type AttemptOutcome =
  | { status: 'DELIVERED' }
  | { status: 'PENDING'; retryInMs: number }
  | { status: 'FAILED' };

/**
 * What follows an attempt. `attempts` counts this one. Retries back off exponentially:
 * base, 2×base, 4×base, … With the 10 s default the seven retries wait 10 s, 20 s, … 640 s:
 * about 21 minutes from the first attempt to the last.
 */
export function afterAttempt(succeeded: boolean, attempts: number, baseMs: number): AttemptOutcome {
  if (succeeded) return { status: 'DELIVERED' };
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'FAILED' };
  return { status: 'PENDING', retryInMs: baseMs * 2 ** (attempts - 1) };
}
