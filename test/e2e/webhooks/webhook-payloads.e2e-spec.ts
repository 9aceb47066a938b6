import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { hasValidSignature, startReceiver, WebhookReceiver } from '../../helpers/webhook-receiver';

const SITE = 'https://blog.example';
const urlOf = (slug: string) => `${SITE}/posts/${slug}`;

describe('webhook payloads a static-site build or CDN can act on', () => {
  let t: TestApp;
  let editorToken: string;
  let editor: Record<string, string>;
  let receiver: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: { WEBHOOKS_ENABLED: 'true', WEBHOOK_POLL_INTERVAL_MS: '50', SITE_URL: SITE, POST_URL_PATTERN: '/posts/{slug}' },
    });
    editorToken = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    editor = bearer(editorToken);
    receiver = await startReceiver();
    const admin = bearer(await issueToken(t, ['webhooks:manage']));
    const hook = await request(t.http)
      .post('/api/admin/webhooks')
      .set(admin)
      .send({ url: receiver.url, events: ['post.published', 'post.updated', 'post.unpublished', 'post.deleted', 'tag.*'] })
      .expect(201);
    secret = hook.body.data.secret;
  });
  afterAll(async () => {
    await t.prisma.webhook.deleteMany();
    await receiver.close();
    await t.close();
  });

  /** The next webhook the receiver gets (signature checked), parsed. */
  async function nextEvent(): Promise<any> {
    const seen = receiver.requests.length;
    const req = (await receiver.waitFor(seen + 1, 20_000))[seen];
    expect(hasValidSignature(req, secret)).toBe(true);
    return JSON.parse(req.body);
  }

  async function publishedPost(slug: string) {
    const { id } = await createDraft(t, editorToken, { slug, tags: ['Webhook Topic'] });
    const published = request(t.http).post(`/api/admin/posts/${id}/publish`).set(editor).send({}).expect(200);
    const [res, event] = await Promise.all([published, nextEvent()]);
    return { id, etag: res.headers.etag as string, event };
  }

  it('sends a publish with id, slug, url, status and the post exactly as GET /api/posts/:id shows it', async () => {
    const { id, event } = await publishedPost('hooked-on-publish');
    expect(event).toMatchObject({ type: 'post.published', event: 'post.published', timestamp: expect.any(String), target: { type: 'post', id } });
    expect(event.data).toMatchObject({
      type: 'post',
      id,
      slug: 'hooked-on-publish',
      url: urlOf('hooked-on-publish'),
      status: 'PUBLISHED',
      purge: [urlOf('hooked-on-publish')],
    });
    expect(event.data.previousSlug).toBeUndefined();
    const publicPost = (await request(t.http).get(`/api/posts/${id}`).expect(200)).body.data;
    expect(event.data.post).toEqual(publicPost);
  });

  it('names the previous slug and url when a published post is renamed', async () => {
    const { id, etag } = await publishedPost('hooked-before-rename');
    const [, event] = await Promise.all([
      request(t.http).patch(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).send({ slug: 'hooked-after-rename' }).expect(200),
      nextEvent(),
    ]);
    expect(event.type).toBe('post.updated');
    expect(event.data).toMatchObject({
      id,
      slug: 'hooked-after-rename',
      url: urlOf('hooked-after-rename'),
      previousSlug: 'hooked-before-rename',
      previousUrl: urlOf('hooked-before-rename'),
      status: 'PUBLISHED',
      purge: [urlOf('hooked-after-rename'), urlOf('hooked-before-rename')],
    });
    expect(event.data.post).toMatchObject({ id, slug: 'hooked-after-rename' });
  });

  it('names the url to purge when a post is unpublished, though the public API no longer has it', async () => {
    const { id, etag } = await publishedPost('hooked-then-unpublished');
    const [, event] = await Promise.all([
      request(t.http).post(`/api/admin/posts/${id}/unpublish`).set(editor).set('If-Match', etag).send({}).expect(200),
      nextEvent(),
    ]);
    await request(t.http).get(`/api/posts/${id}`).expect(404);
    expect(event.type).toBe('post.unpublished');
    expect(event.data).toMatchObject({ id, slug: 'hooked-then-unpublished', status: 'DRAFT', url: urlOf('hooked-then-unpublished') });
    expect(event.data.purge).toEqual([urlOf('hooked-then-unpublished')]);
    expect(event.data.post).toBeUndefined();
  });

  it('names the url to purge when a published post is deleted', async () => {
    const { id, etag } = await publishedPost('hooked-then-deleted');
    const [, event] = await Promise.all([request(t.http).delete(`/api/admin/posts/${id}`).set(editor).set('If-Match', etag).expect(204), nextEvent()]);
    expect(event.type).toBe('post.deleted');
    expect(event.data).toMatchObject({
      id,
      slug: 'hooked-then-deleted',
      status: 'DELETED',
      previousStatus: 'PUBLISHED',
      url: urlOf('hooked-then-deleted'),
      purge: [urlOf('hooked-then-deleted')],
    });
    expect(event.data.post).toBeUndefined();
  });

  it('describes tags by id, slug, name and previous slug', async () => {
    const tagsAdmin = bearer(await issueToken(t, ['content:write']));
    const [created, createdEvent] = await Promise.all([
      request(t.http).post('/api/admin/tags').set(tagsAdmin).send({ name: 'Hooked Tag', slug: 'hooked-tag' }).expect(201),
      nextEvent(),
    ]);
    const id = created.body.data.id;
    expect(createdEvent).toMatchObject({ type: 'tag.created', data: { type: 'tag', id, slug: 'hooked-tag', name: 'Hooked Tag' } });

    const [updated, updatedEvent] = await Promise.all([
      request(t.http).patch(`/api/admin/tags/${id}`).set(tagsAdmin).set('If-Match', created.headers.etag).send({ slug: 'hooked-label', name: 'Hooked Label' }).expect(200),
      nextEvent(),
    ]);
    expect(updatedEvent).toMatchObject({ type: 'tag.updated', data: { id, slug: 'hooked-label', name: 'Hooked Label', previousSlug: 'hooked-tag' } });

    const [, deletedEvent] = await Promise.all([
      request(t.http).delete(`/api/admin/tags/${id}`).set(tagsAdmin).set('If-Match', updated.headers.etag).expect(204),
      nextEvent(),
    ]);
    expect(deletedEvent).toMatchObject({ type: 'tag.deleted', data: { type: 'tag', id, slug: 'hooked-label', name: 'Hooked Label' } });
  });
});
