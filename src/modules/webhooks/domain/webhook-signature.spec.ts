import { createHmac } from 'node:crypto';
import { mintWebhookSecret, signPayload } from './webhook-signature';

describe('signPayload', () => {
  it('is the hex HMAC-SHA256 of the body with the secret, prefixed sha256=', () => {
    const body = '{"event":"post.published"}';
    const expected = createHmac('sha256', 'whsec_test').update(body).digest('hex');
    expect(signPayload(body, 'whsec_test')).toBe(`sha256=${expected}`);
  });

  it('changes with the body and with the secret', () => {
    expect(signPayload('a', 's')).not.toBe(signPayload('b', 's'));
    expect(signPayload('a', 's')).not.toBe(signPayload('a', 't'));
  });
});

describe('mintWebhookSecret', () => {
  it('returns a distinct prefixed secret of 256 bits each time', () => {
    const a = mintWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(mintWebhookSecret()).not.toBe(a);
  });
});
