import { redactWebhookUrl } from './redact-url';

describe('redactWebhookUrl', () => {
  it('keeps scheme, host and path of a plain URL', () => {
    expect(redactWebhookUrl('https://hooks.example.com:8443/byline/posts')).toBe('https://hooks.example.com:8443/byline/posts');
  });

  it('drops user-info, query and fragment, and says so', () => {
    const shown = redactWebhookUrl('https://bot:s3cret@hooks.example.com/in?token=abc123#frag');
    expect(shown).toBe('https://hooks.example.com/in (credentials and query hidden)');
    expect(shown).not.toMatch(/s3cret|abc123|bot/);
  });

  it('never throws on something that is not a URL', () => {
    expect(redactWebhookUrl('not a url')).toBe('(invalid URL)');
  });
});
