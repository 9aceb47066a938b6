import { ErrorCode } from '../../../common/errors/error-code';
import { canonicalJson, decideOnExistingKey, hashRequest, IDEMPOTENCY_LEASE_MS, StoredKey, validateIdempotencyKey } from './idempotency';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('idempotency', () => {
  it('hashes the same body the same whatever its key order, and undefined fields do not count', () => {
    const a = hashRequest('createPost', { title: 'T', tags: ['a', 'b'], seo: { title: 'x', description: null } });
    const b = hashRequest('createPost', { seo: { description: null, title: 'x' }, tags: ['a', 'b'], title: 'T', slug: undefined });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes different bodies, list orders and operations differently', () => {
    const base = hashRequest('createPost', { tags: ['a', 'b'] });
    expect(hashRequest('createPost', { tags: ['b', 'a'] })).not.toBe(base);
    expect(hashRequest('createTag', { tags: ['a', 'b'] })).not.toBe(base);
  });

  it('serialises dates and nested values canonically', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: new Date(0) }], a: null })).toBe('{"a":null,"b":[1,{"c":"1970-01-01T00:00:00.000Z","d":2}]}');
  });

  const NOW = new Date('2026-11-24T12:00:00.000Z');
  const ago = (ms: number) => new Date(NOW.getTime() - ms);
  const key = (fields: Partial<StoredKey>): StoredKey => ({
    requestHash: 'h', completed: false, responseStatus: null, responseBody: null, resultId: null, createdAt: ago(1000),
    owner: 'other-process', leaseUntil: new Date(NOW.getTime() + IDEMPOTENCY_LEASE_MS - 1000), ...fields,
  });

  it('replays a completed key with the same hash', () => {
    const stored = key({ completed: true, responseStatus: 201, responseBody: { data: { id: 'x' } } });
    expect(decideOnExistingKey(stored, 'h', NOW)).toEqual({ kind: 'replay', status: 201, body: { data: { id: 'x' } } });
  });

  it('answers 422 for a different body and 409 IDEMPOTENCY_IN_PROGRESS while the first request holds its lease', () => {
    const inFlight = key({});
    expect(codeOf(() => decideOnExistingKey(inFlight, 'other', NOW))).toBe(ErrorCode.UNPROCESSABLE);
    expect(codeOf(() => decideOnExistingKey(inFlight, 'h', NOW))).toBe(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
    // A long-running request keeps renewing its lease: age alone does not end it.
    expect(codeOf(() => decideOnExistingKey(key({ createdAt: ago(10 * 60_000) }), 'h', NOW))).toBe(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
  });

  it('asks the client to retry an in-progress key after a second', () => {
    try {
      decideOnExistingKey(key({}), 'h', NOW);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { headers?: Record<string, string> }).headers).toEqual({ 'Retry-After': '1' });
    }
  });

  it('recovers a key whose first request created something but stored no response', () => {
    expect(decideOnExistingKey(key({ resultId: 'p1' }), 'h', NOW)).toEqual({ kind: 'recover', resultId: 'p1' });
    expect(decideOnExistingKey(key({ resultId: 'p1', leaseUntil: ago(60_000) }), 'h', NOW)).toEqual({ kind: 'recover', resultId: 'p1' });
  });

  it('lets a request take over a key whose first request died before creating anything, once its lease ran out', () => {
    expect(decideOnExistingKey(key({ leaseUntil: ago(1) }), 'h', NOW)).toEqual({ kind: 'take-over' });
    expect(codeOf(() => decideOnExistingKey(key({ leaseUntil: ago(1) }), 'other', NOW))).toBe(ErrorCode.UNPROCESSABLE);
  });

  it('takes over at once when the first request ran in this process and has ended (failed on a blip)', () => {
    expect(decideOnExistingKey(key({}), 'h', NOW, true)).toEqual({ kind: 'take-over' });
  });

  it('falls back to a two-minute window for keys recorded before leases existed', () => {
    expect(codeOf(() => decideOnExistingKey(key({ leaseUntil: null, owner: null, createdAt: ago(60_000) }), 'h', NOW))).toBe(ErrorCode.IDEMPOTENCY_IN_PROGRESS);
    expect(decideOnExistingKey(key({ leaseUntil: null, owner: null, createdAt: ago(121_000) }), 'h', NOW)).toEqual({ kind: 'take-over' });
  });

  it('accepts printable keys up to 255 characters only', () => {
    expect(validateIdempotencyKey('a1b2-c3')).toBe('a1b2-c3');
    for (const bad of ['', 'has space', 'x'.repeat(256), 'é']) {
      expect(codeOf(() => validateIdempotencyKey(bad))).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});
