import { buildPostUrl, documentUrlFor, siteHome } from './post-url';

describe('buildPostUrl', () => {
  it('joins the site URL and the default pattern', () => {
    expect(buildPostUrl('https://blog.example', '/{slug}/', 'the-long-read')).toBe('https://blog.example/the-long-read/');
  });

  it('keeps a path prefix of the site URL and tolerates slashes on either side', () => {
    expect(buildPostUrl('https://example.org/blog/', 'posts/{slug}', 'a-b')).toBe('https://example.org/blog/posts/a-b');
  });

  it('supports patterns with the slug in the middle or twice', () => {
    expect(buildPostUrl('http://localhost:3000', '/p/{slug}.html#{slug}', 'x')).toBe('http://localhost:3000/p/x.html#x');
  });

  it('uses an absolute pattern as it is', () => {
    expect(buildPostUrl('https://blog.example', 'https://cdn.example/read/{slug}', 'y')).toBe('https://cdn.example/read/y');
  });

  it('encodes characters that are not safe in a path', () => {
    expect(buildPostUrl('https://b.example', '/{slug}/', 'a b/c')).toBe('https://b.example/a%20b%2Fc/');
  });
});

describe('siteHome', () => {
  it('ends with exactly one slash', () => {
    expect(siteHome('https://b.example')).toBe('https://b.example/');
    expect(siteHome('https://b.example//')).toBe('https://b.example/');
  });
});

describe('documentUrlFor', () => {
  it('builds each kind from its own pattern', () => {
    const site = { url: 'https://b.example', postUrlPattern: '/blog/{slug}/', pageUrlPattern: '/{slug}/' };
    expect(documentUrlFor(site, 'post', 'x')).toBe('https://b.example/blog/x/');
    expect(documentUrlFor(site, 'page', 'about')).toBe('https://b.example/about/');
  });
});
