import fc from 'fast-check';
import type { TestApp } from '../../helpers/create-test-app';

/** FUZZ_SEED=<n> replays a run exactly; the seed is printed at the start of every run. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  return given !== undefined && /^-?\d+$/.test(given) ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}

/** How many requests a fuzzer sends (FUZZ_REQUESTS overrides). */
export function fuzzBudget(fallback: number): number {
  const given = Number(process.env.FUZZ_REQUESTS);
  return Number.isInteger(given) && given > 0 ? given : fallback;
}

/** Strings an attacker tries first. */
export const HOSTILE_STRINGS = [
  '', ' ', 'a\u0000b', '\u0000', 'x\ud800', '\udfffy', '\ud83d', "' OR 1=1 --", "'; DROP TABLE posts; --", '1; SELECT pg_sleep(10)',
  '"><script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}', '../../../etc/passwd',
  '%00', '%', '__proto__', 'constructor', 'prototype', 'x'.repeat(5000), '🙂', '\u202e\u0301', 'null', 'undefined', 'true', '-1', '0',
  '1e309', '-0', '99999999999999999999', '2147483648', 'NaN', 'Infinity', '[]', '{}', '$ne', '$where', 'a,b,,c', '2026-02-30', 'ÿ',
];

/** `depth` nested arrays as JSON text (serialisers give up on such values). */
export const deepJson = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}1${close.repeat(depth)}`;

/** Any JSON-ish value, biased to the hostile. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 53, -(2 ** 31) - 1, 2 ** 31, 1.5, -0.000001, 1e300) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS), { maxLength: 30 }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 3, maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom({ __proto__: { admin: true } }, { $ne: 'x' }, { $gt: '' }, [[[[[]]]]]) },
);

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its raw UTF-8 bytes. */
export function encodeLoose(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

/** What a body must never show: stack frames, SQL errors, Prisma codes, file paths. */
export const LEAK = /\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\bPrisma[A-Z]\w*|\bP[12]\d{3}\b|SQLSTATE|syntax error at or near|violates \w+ constraint|node_modules|\/src\/[\w/-]+\.ts/;

/**
 * A digest of every stored row a client can change (token use times excluded): a rejected request
 * must leave it exactly as it was.
 */
export async function contentDigest(t: TestApp): Promise<string> {
  const rows = await t.prisma.$queryRaw<{ digest: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM posts x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM tags x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM authors x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM post_tags x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM post_authors x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM post_slug_history x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM post_revisions x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM webhooks x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM idempotency_keys x),
      (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM audit_log x),
      (SELECT string_agg((x.id, x.name, x.scopes, x.revoked_at, x.expires_at)::text, ',' ORDER BY x.id) FROM api_tokens x)
    )) AS digest`;
  return rows[0].digest;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

/** Wall-clock budget of a fuzzer run (FUZZ_TIME_MS overrides): it stops sending once it is spent. */
export function fuzzTimeBudgetMs(fallback = 90_000): number {
  const given = Number(process.env.FUZZ_TIME_MS);
  return Number.isInteger(given) && given > 0 ? given : fallback;
}

/** Interleaves per-operation lists (a, b, c, a, b, c, …) so that a run cut short still covers every operation. */
export function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * Sends `items` in rounds of `roundSize`: reads concurrently, writes one at a time (each between two
 * digests). The first `mustSend` items are always sent; after that, sending stops when `deadline` passes.
 */
export async function runRounds<T>(
  items: T[],
  opts: { roundSize: number; mustSend: number; deadline: number; isWrite(item: T): boolean; read(item: T): Promise<void>; write(item: T): Promise<void> },
): Promise<number> {
  let sent = 0;
  for (let start = 0; start < items.length; start += opts.roundSize) {
    if (start >= opts.mustSend && Date.now() > opts.deadline) break;
    const round = items.slice(start, start + opts.roundSize);
    await pool(round.filter((i) => !opts.isWrite(i)), 4, opts.read);
    for (const item of round.filter((i) => opts.isWrite(i))) await opts.write(item);
    sent += round.length;
  }
  return sent;
}
