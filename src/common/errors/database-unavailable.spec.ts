import { databaseUnavailableCause, isTransientConflict } from './database-unavailable';
import { normalizeError } from './error-normalizer';
import { ErrorCode } from './error-code';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
const adapterError = (cause: object) => Object.assign(new Error('driver'), { name: 'DriverAdapterError', cause });
const prismaError = (code: string, message: string, meta?: object) => Object.assign(new Error(message), { code, meta, clientVersion: '6.19.3' });

describe('databaseUnavailableCause', () => {
  it.each([
    ['server shutting down (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown (57P02)', pgError('57P02', 'terminating connection because of crash of another server process')],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['connection exception class 08', pgError('08006', 'connection failure')],
    ['statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout')],
    ['refused socket', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' })],
    ['reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })],
    ['terminated connection', new Error('Connection terminated unexpectedly')],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['ended pool', new Error('Cannot use a pool after calling end on the pool')],
    ['adapter: not reachable', adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5 })],
    ['adapter: postgres 57P01', adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01', message: 'terminating' })],
    ['Prisma P1001', prismaError('P1001', "Can't reach database server at 127.0.0.1:5")],
    ['Prisma P1017', prismaError('P1017', 'Server has closed the connection.')],
    ['Prisma P2024 (pool timeout)', prismaError('P2024', 'Timed out fetching a new connection from the connection pool.')],
    ['Prisma P2028 (transaction could not start)', prismaError('P2028', 'Transaction API error: Unable to start a transaction in the given time.')],
    ['Prisma wrapping the adapter', prismaError('P2010', 'Raw query failed', { driverAdapterError: adapterError({ kind: 'ConnectionClosed' }) })],
    ['unknown Prisma error with a cause', Object.assign(new Error('Invalid invocation'), { cause: new Error('Connection terminated') })],
  ])('recognises %s', (_name, error) => {
    expect(databaseUnavailableCause(error)).toBeDefined();
  });

  it.each([
    ['a unique violation', prismaError('P2002', 'Unique constraint failed', { driverAdapterError: adapterError({ kind: 'UniqueConstraintViolation' }) })],
    ['a raw unique violation', pgError('23505', 'duplicate key value')],
    ['a deadlock (a conflict, not an outage)', pgError('40P01', 'deadlock detected')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an object', 'ECONNREFUSED'],
  ])('does not mistake %s for an outage', (_name, error) => {
    expect(databaseUnavailableCause(error)).toBeUndefined();
  });

  it('normalizes to a 503 with Retry-After, not an unexpected error, keeping the cause for the log only', () => {
    const normalized = normalizeError(new Error('Connection terminated unexpectedly'));
    expect(normalized).toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE, unexpected: false, headers: { 'Retry-After': '2' } });
    expect(normalized.cause).toContain('Connection terminated');
    expect(normalized.detail).not.toContain('Connection terminated');
  });
});

describe('isTransientConflict', () => {
  it.each([
    ['a raw deadlock', pgError('40P01', 'deadlock detected')],
    ['a serialization failure', pgError('40001', 'could not serialize access due to concurrent update')],
    ['Prisma P2034', prismaError('P2034', 'Transaction failed due to a write conflict or a deadlock. Please retry your transaction')],
    ['a deadlock inside the adapter error', prismaError('P2010', 'Raw query failed', { driverAdapterError: adapterError({ kind: 'postgres', originalCode: '40P01' }) })],
  ])('recognises %s', (_name, error) => {
    expect(isTransientConflict(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value')],
    ['an outage', pgError('57P01', 'terminating connection due to administrator command')],
    ['a plain bug', new TypeError('x is undefined')],
  ])('does not retry %s', (_name, error) => {
    expect(isTransientConflict(error)).toBe(false);
  });
});
