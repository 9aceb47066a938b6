import { carriesPreviewToken, redactPreviewParam, takePreviewToken } from './preview-request';

describe('preview tokens on requests', () => {
  it('takes the token from the header first, else from ?preview=, and removes the parameter from the URL', () => {
    const byHeader = { headers: { 'x-preview-token': 'bylp_header' }, url: '/api/posts/x?preview=bylp_query&formats=html' };
    expect(takePreviewToken(byHeader)).toBe('bylp_header');
    expect(byHeader.url).toBe('/api/posts/x?formats=html');

    const byQuery = { headers: {}, url: '/api/posts/x?preview=bylp_query' };
    expect(takePreviewToken(byQuery)).toBe('bylp_query');
    expect(byQuery.url).toBe('/api/posts/x');
    // Still known to carry one, so the cache layers keep the answer private.
    expect(carriesPreviewToken(byQuery)).toBe(true);

    const none = { headers: {}, url: '/api/posts/x?formats=html&previews=1' };
    expect(takePreviewToken(none)).toBeUndefined();
    expect(none.url).toBe('/api/posts/x?formats=html&previews=1');
    expect(carriesPreviewToken(none)).toBe(false);
  });

  it('keeps tokens out of logged URLs', () => {
    expect(redactPreviewParam('/api/posts/x?formats=html&preview=bylp_secret&fields=title')).toBe(
      '/api/posts/x?formats=html&preview=[redacted]&fields=title',
    );
    expect(redactPreviewParam('/api/posts/x?preview=bylp_secret')).toBe('/api/posts/x?preview=[redacted]');
    expect(redactPreviewParam('/api/posts')).toBe('/api/posts');
  });
});
