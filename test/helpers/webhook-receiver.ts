import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /**
   * Resolves with the first request at index `from` or later that `matches`; rejects after `timeoutMs`.
   * For a test that shares its receiver with earlier tests whose deliveries may still arrive late.
   */
  waitForMatch(matches: (request: ReceivedRequest) => boolean, from?: number, timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A local HTTP receiver on 127.0.0.1 (port 0); `status(n)` is the answer to the n-th request (from 1). */
export async function startReceiver(status: (n: number) => number = () => 200): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.statusCode = status(requests.length);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    waitFor: (count, timeoutMs = 10_000) =>
      poll(
        () => (requests.length >= count ? requests.slice(0, count) : undefined),
        timeoutMs,
        () => `expected ${count} webhook request(s), got ${requests.length}`,
      ),
    waitForMatch: (matches, from = 0, timeoutMs = 10_000) =>
      poll(
        () => requests.slice(from).find(matches),
        timeoutMs,
        () => `no matching webhook request among ${requests.length - from} received`,
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves with what `found` returns once it is defined (checked every 20 ms); rejects after `timeoutMs`. */
async function poll<T>(found: () => T | undefined, timeoutMs: number, failure: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What a receiver should do: recompute the HMAC of the raw body and compare in constant time. */
export function hasValidSignature(request: ReceivedRequest, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
  const given = Buffer.from(String(request.headers['x-byline-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
