const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const MAX_MS = 3650 * UNIT_MS.d;

/**
 * Turns a relative lifetime such as "90d", "12h", "30m" or "2w" into an absolute expiry.
 * Returns null for anything else, so each transport can word its own error.
 */
export function expiryFromDuration(duration: string, now = new Date()): Date | null {
  const match = /^(\d{1,6})([mhdw])$/.exec(duration.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms <= 0 || ms > MAX_MS) return null;
  return new Date(now.getTime() + ms);
}

export const DURATION_HINT = 'a positive number followed by m, h, d or w (for example 90d), at most 10 years';
