import { FixedWindowStorage } from './fixed-window.storage';

describe('FixedWindowStorage', () => {
  it('counts in constant space per key, blocks past the limit and opens a fresh window after the ttl', async () => {
    let now = 1_000_000;
    const storage = new FixedWindowStorage(() => now);
    try {
      const hits = [1, 2, 3].map(() => storage.hit('k', 60_000, 2, 60_000));
      expect(hits.map((h) => h.isBlocked)).toEqual([false, false, true]);
      expect(hits[2].timeToBlockExpire).toBe(60);
      now += 30_000;
      expect(storage.hit('k', 60_000, 2, 60_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
      now += 30_001;
      expect(storage.hit('k', 60_000, 2, 60_000)).toMatchObject({ isBlocked: false, totalHits: 1 });
      for (let i = 0; i < 10_000; i++) storage.hit('k', 60_000, 1_000_000, 60_000);
      expect(storage.size).toBe(1);
      now += 120_000;
      storage.sweep();
      expect(storage.size).toBe(0);
    } finally {
      storage.close();
    }
  });
});
