import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { DEFAULT_DESTINATION_POLICY, DestinationGuard, DestinationPolicy, DestinationRefusedError } from './destination-guard';
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

const guards = new WeakMap<DestinationPolicy, DestinationGuard>();
function guardFor(policy: DestinationPolicy): DestinationGuard {
  let guard = guards.get(policy);
  if (!guard) guards.set(policy, (guard = new DestinationGuard(policy)));
  return guard;
}

/**
 * POSTs one delivery. Any 2xx is success; redirects are never followed (the receiver should fix its
 * URL, and a redirect cannot lead the request to an internal address). Internal destinations are
 * refused unless `policy` allows them, judged on the address connected to (see DestinationGuard).
 */
export async function sendDelivery(
  delivery: OutgoingDelivery,
  timeoutMs = DELIVERY_TIMEOUT_MS,
  policy: DestinationPolicy = DEFAULT_DESTINATION_POLICY,
): Promise<SendResult> {
  try {
    const status = await post(delivery, timeoutMs, guardFor(policy));
    const ok = status >= 200 && status < 300;
    const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    return { ok, statusCode: status, error: ok ? null : `receiver answered HTTP ${status}${redirect}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error, timeoutMs) };
  }
}

function post(delivery: OutgoingDelivery, timeoutMs: number, guard: DestinationGuard): Promise<number> {
  const url = new URL(delivery.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // Node connects to a literal address without calling `lookup`: judge it here.
  if (isIP(host)) {
    const refusal = guard.refusal(host);
    if (refusal) throw new DestinationRefusedError(`destination refused: ${refusal}`);
  }
  const options: RequestOptions = {
    method: 'POST',
    agent: false,
    lookup: guard.lookup as RequestOptions['lookup'],
    signal: AbortSignal.timeout(timeoutMs),
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(delivery.body),
      'User-Agent': 'Byline-Webhooks/1',
      'X-Byline-Event': delivery.event,
      'X-Byline-Delivery': delivery.id,
      'X-Byline-Signature': signPayload(delivery.body, delivery.secret),
    },
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = send(url, options, (res: IncomingMessage) => {
      // The response body is not used; release the connection.
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(delivery.body);
  });
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof DestinationRefusedError) {
    return `${error.message}; internal destinations need WEBHOOK_ALLOW_PRIVATE_NETWORKS=true or WEBHOOK_ALLOWED_NETWORKS`.slice(0, ERROR_MAX_LENGTH);
  }
  const e = error as { code?: string; message?: string };
  return `request failed: ${e?.code ?? e?.message ?? String(error)}`.slice(0, ERROR_MAX_LENGTH);
}
