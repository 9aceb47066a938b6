// Write cases through the editor API: create + publish with a few requests in flight, a burst of
// concurrent creates, and how long a new post's related list takes to fill.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { articleBlocks, rng, title as makeTitle, vocabulary } from './text.mjs';
import { waitFor } from './infra.mjs';

/** A token with the editor scopes, inserted as the app stores them (SHA-256 of the secret). */
export async function createToken(databaseUrl) {
  const plaintext = `byl_${randomBytes(32).toString('base64url')}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('INSERT INTO api_tokens (name, token_hash, prefix, scopes) VALUES ($1, $2, $3, $4)', [
      'bench',
      createHash('sha256').update(plaintext, 'utf8').digest('hex'),
      plaintext.slice(0, 12),
      ['content:read', 'content:write', 'content:publish'],
    ]);
  } finally {
    await client.end();
  }
  return plaintext;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(times) {
  const ok = times.filter((t) => t.ok).map((t) => t.ms).sort((a, b) => a - b);
  return {
    count: times.length,
    ok: ok.length,
    failed: times.filter((t) => !t.ok).map((t) => t.error).slice(0, 5),
    failures: times.filter((t) => !t.ok).length,
    p50: percentile(ok, 50),
    p99: percentile(ok, 99),
    max: ok.at(-1) ?? null,
  };
}

async function timedRequest(base, token, method, path, body, timeoutMs) {
  const started = performance.now();
  try {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = await res.json().catch(() => null);
    const ms = Math.round(performance.now() - started);
    if (res.status >= 300) return { ok: false, ms, error: `${method} ${path}: ${res.status} ${json?.code ?? ''}`, json };
    return { ok: true, ms, json };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: `${method} ${path}: ${error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message}` };
  }
}

export function writeBodies(manifest, count, seed) {
  const v = vocabulary();
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    title: `${makeTitle(v, random)} ${seed}-${i}`,
    markdown: articleBlocks(v, random).map((b) => b.md).join('\n\n') + '\n',
    tags: [0, 1, 2].map(() => manifest.tagSlugs[Math.floor(random() * manifest.tagSlugs.length)]).filter((t, j, all) => all.indexOf(t) === j),
    authors: [manifest.authorSlugs[Math.floor(random() * manifest.authorSlugs.length)]],
  }));
}

/**
 * `count` posts, each created then published, with `inFlight` at a time. Stops starting new ones once a
 * request fails to answer in `timeoutMs` (the rest would only queue behind it).
 */
export async function createAndPublish({ base, token, bodies, inFlight, timeoutMs, log }) {
  const creates = [];
  const publishes = [];
  const ids = [];
  let next = 0;
  let stalled = false;
  const worker = async () => {
    while (!stalled && next < bodies.length) {
      const body = bodies[next++];
      const c = await timedRequest(base, token, 'POST', '/api/admin/posts', body, timeoutMs);
      creates.push(c);
      if (!c.ok) {
        if (c.error.includes('no answer')) stalled = true;
        continue;
      }
      const id = c.json.data.id;
      const p = await timedRequest(base, token, 'POST', `/api/admin/posts/${id}/publish`, {}, timeoutMs);
      publishes.push(p);
      if (p.ok) ids.push(id);
      else if (p.error.includes('no answer')) stalled = true;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallS = (performance.now() - started) / 1000;
  if (stalled) log?.(`  writes stalled: a request got no answer within ${timeoutMs} ms; stopped starting new ones`);
  return { create: summary(creates), publish: summary(publishes), stalled, wallSeconds: Math.round(wallS * 10) / 10, publishedIds: ids };
}

/** `count` creates fired at once. */
export async function concurrentCreates({ base, token, bodies, timeoutMs }) {
  const started = performance.now();
  const results = await Promise.all(bodies.map((b) => timedRequest(base, token, 'POST', '/api/admin/posts', b, timeoutMs)));
  return { ...summary(results), wallSeconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * Publishes one new post and measures the time from the publish's answer until its related list is
 * non-empty through the public API (null if it never fills within `timeoutMs`).
 */
export async function relatedConvergence({ base, token, body, timeoutMs }) {
  const c = await timedRequest(base, token, 'POST', '/api/admin/posts', body, timeoutMs);
  if (!c.ok) return { ms: null, error: c.error };
  const id = c.json.data.id;
  const p = await timedRequest(base, token, 'POST', `/api/admin/posts/${id}/publish`, {}, timeoutMs);
  if (!p.ok) return { ms: null, error: p.error };
  const acked = performance.now();
  let size = 0;
  try {
    await waitFor(
      async () => {
        const res = await fetch(`${base}/api/posts/${id}/related?limit=3`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
        if (!res?.ok) return false;
        size = (await res.json()).data?.length ?? 0;
        return size > 0;
      },
      { timeoutMs, everyMs: 100, what: 'the related list' },
    );
    return { ms: Math.round(performance.now() - acked), publishMs: p.ms, size };
  } catch {
    return { ms: null, publishMs: p.ms, error: `related list still empty after ${timeoutMs} ms` };
  }
}
