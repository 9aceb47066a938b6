import { completePostEventData, PostEventData } from './webhook-events';

const urlOf = (slug: string) => `https://blog.example/${slug}/`;
const base: PostEventData = { type: 'post', id: 'p1', slug: 'hello', status: 'PUBLISHED', version: 3, publishedAt: '2026-01-01T00:00:00.000Z' };

describe('completePostEventData', () => {
  it('adds the url and the public post of a published post', () => {
    expect(completePostEventData('post.published', base, urlOf, { id: 'p1' })).toEqual({
      ...base,
      url: 'https://blog.example/hello/',
      purge: ['https://blog.example/hello/'],
      post: { id: 'p1' },
    });
  });

  it('names the previous url when the slug changed, and purges both', () => {
    const data = completePostEventData('post.updated', { ...base, previousSlug: 'old' }, urlOf, { id: 'p1' });
    expect(data.previousUrl).toBe('https://blog.example/old/');
    expect(data.purge).toEqual(['https://blog.example/hello/', 'https://blog.example/old/']);
  });

  it('purges the url of an unpublished post and carries no post', () => {
    const data = completePostEventData('post.unpublished', { ...base, status: 'DRAFT' }, urlOf, { id: 'stale' });
    expect(data).toMatchObject({ status: 'DRAFT', url: 'https://blog.example/hello/', purge: ['https://blog.example/hello/'] });
    expect(data.post).toBeUndefined();
  });

  it('purges a deleted post only if it was published', () => {
    expect(completePostEventData('post.deleted', { ...base, status: 'DELETED', previousStatus: 'PUBLISHED' }, urlOf).purge).toEqual([
      'https://blog.example/hello/',
    ]);
    expect(completePostEventData('post.deleted', { ...base, status: 'DELETED', previousStatus: 'DRAFT' }, urlOf).purge).toEqual([]);
  });

  it('purges nothing when a draft changes', () => {
    expect(completePostEventData('post.updated', { ...base, status: 'DRAFT', previousSlug: 'x' }, urlOf).purge).toEqual([]);
  });
});
