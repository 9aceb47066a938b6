import { afterAttempt, MAX_DELIVERY_ATTEMPTS } from './retry-schedule';

describe('afterAttempt', () => {
  it('marks a successful attempt delivered, whatever the count', () => {
    expect(afterAttempt(true, 1, 10_000)).toEqual({ status: 'DELIVERED' });
    expect(afterAttempt(true, MAX_DELIVERY_ATTEMPTS, 10_000)).toEqual({ status: 'DELIVERED' });
  });

  it('doubles the delay after each failure, starting at the base', () => {
    const delays = [1, 2, 3, 4].map((n) => afterAttempt(false, n, 10_000));
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000].map((retryInMs) => ({ status: 'PENDING', retryInMs })));
  });

  it('gives up after the last allowed attempt', () => {
    expect(afterAttempt(false, MAX_DELIVERY_ATTEMPTS - 1, 10_000).status).toBe('PENDING');
    expect(afterAttempt(false, MAX_DELIVERY_ATTEMPTS, 10_000)).toEqual({ status: 'FAILED' });
  });
});
