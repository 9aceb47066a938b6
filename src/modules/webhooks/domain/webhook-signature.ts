import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 256 random bits, recognisable by its prefix. */
export function mintWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The `X-Byline-Signature` value: HMAC-SHA256 of the exact request body, hex, as `sha256=<hex>`. */
export function signPayload(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
