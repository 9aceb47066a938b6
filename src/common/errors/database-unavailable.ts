/**
 * Recognises "the database is unavailable or too slow right now" in anything a driver, Prisma or
 * the pg pool may throw, however deeply wrapped. Pure duck typing on codes and messages, so that
 * common/ needs no database import; the same answer feeds REST and GraphQL.
 */

// SQLSTATE: connection exceptions (class 08), admin/crash shutdown and "starting up" (57P01–57P03),
// statement/lock/idle timeouts (57014, 55P03, 25P03, 57P05), too many connections (53300).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '57014', '55P03', '25P03', '53300']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'ENOTFOUND', 'EAI_AGAIN']);
// Prisma: can't reach / timed out / connection closed / pool timeout / transaction could not start in time / too many connections.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
// adapter-pg's DriverAdapterError causes.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error|Connection is not open|server closed the connection unexpectedly|terminating connection|the database system is (starting up|shutting down|in recovery|not yet accepting)|Unable to start a transaction in the given time|Can't reach database server|Server has closed the connection|canceling statement due to (statement|lock) timeout/i;

export interface UnavailableCause {
  /** SQLSTATE, errno, Prisma code or adapter kind of the innermost recognised failure. */
  code: string | undefined;
  message: string;
}

/** The recognised cause when `error` means the database is unavailable, else undefined. */
export function databaseUnavailableCause(error: unknown): UnavailableCause | undefined {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): UnavailableCause | undefined => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return undefined;
    seen.add(value);
    const e = value as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalError?: unknown };
    const message = typeof e.message === 'string' ? e.message : '';
    // Look inside first: the innermost cause names the real failure best.
    const inner =
      visit(e.cause, depth + 1) ??
      visit((e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1) ??
      visit(e.originalError, depth + 1);
    if (inner) return inner;
    for (const code of [e.code, e.originalCode, e.kind]) {
      if (typeof code !== 'string') continue;
      if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || ADAPTER_KINDS.has(code)) {
        return { code, message: message || code };
      }
    }
    return MESSAGES.test(message) ? { code: typeof e.code === 'string' ? e.code : undefined, message } : undefined;
  };
  return visit(error, 0);
}

// Deadlock detected / serialization failure, and Prisma's name for them: the transaction lost a race
// and did nothing; running it again is safe.
const CONFLICT_CODES = new Set(['40P01', '40001', 'P2034']);

/** Whether `error` is a transaction that lost a deadlock or serialization race (safe to retry whole). */
export function isTransientConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const e = value as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown; originalError?: unknown; message?: unknown };
    if ([e.code, e.originalCode].some((code) => typeof code === 'string' && CONFLICT_CODES.has(code))) return true;
    if (typeof e.message === 'string' && /deadlock detected|could not serialize access/i.test(e.message)) return true;
    return (
      visit(e.cause, depth + 1) ||
      visit((e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1) ||
      visit(e.originalError, depth + 1)
    );
  };
  return visit(error, 0);
}
