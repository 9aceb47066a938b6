import { signPayload } from './domain/webhook-signature';

export const DELIVERY_TIMEOUT_MS = 5_000;
const ERROR_MAX_LENGTH = 500;

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface OutgoingDelivery {
  id: string;
  event: string;
  url: string;
  secret: string;
  body: string;
}

/** POSTs one delivery. Any 2xx is success; redirects are not followed (the receiver should fix its URL). */
export async function sendDelivery(delivery: OutgoingDelivery, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<SendResult> {
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Byline-Webhooks/1',
        'X-Byline-Event': delivery.event,
        'X-Byline-Delivery': delivery.id,
        'X-Byline-Signature': signPayload(delivery.body, delivery.secret),
      },
      body: delivery.body,
    });
    // The response body is not used; release the connection.
    await res.body?.cancel().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `receiver answered HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error, timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `request failed: ${text}`.slice(0, ERROR_MAX_LENGTH);
}
