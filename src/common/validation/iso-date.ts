const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validCalendar(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses an ISO-8601 date-time with an offset (`2026-03-01T09:00:00Z`), or, with `allowDateOnly`, a
 * calendar date (`2026-03-01`, midnight UTC). Impossible dates and times (`2026-02-30`, `24:00`) are
 * undefined rather than rolled over the way `new Date()` rolls them.
 */
export function parseIsoDate(value: string, allowDateOnly = false): Date | undefined {
  const m = DATE_TIME.exec(value) ?? (allowDateOnly ? DATE.exec(value) : null);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (!validCalendar(year!, month!, day!)) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59 || offsetHours! > 23 || offsetMinutes! > 59) return undefined;
  const date = new Date(m[0].length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
