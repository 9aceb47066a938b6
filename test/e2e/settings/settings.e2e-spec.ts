import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ContentGenerationService } from '../../../src/modules/response-cache/content-generation.service';
import { createDraft } from '../../helpers/admin-posts';
import { publishedPost, waitFor } from '../../helpers/cache';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { expectProblem } from '../../helpers/problem';
import { bearer, issueToken } from '../../helpers/tokens';
import { childText, findAll, parseXml } from '../../helpers/xml';

const SETTINGS_QUERY = `{ settings { title description locale timezone accentColor siteUrl
  logo { mediaId url width height } icon { mediaId }
  social { network url handle } primaryNavigation { label url documentId } secondaryNavigation { label url documentId } } }`;

/** A library image row, as an upload would leave it (the upload pipeline is the media module's). */
async function mediaItem(t: TestApp) {
  const key = `test/${randomBytes(4).toString('hex')}`;
  return t.prisma.media.create({
    data: {
      storageKey: `${key}/original.png`, filename: 'logo.png', mimeType: 'image/png', bytes: 1234, width: 400, height: 100,
      sha256: 'a'.repeat(64), alt: 'The logo', variants: [],
    },
  });
}

describe('site settings (REST and GraphQL)', () => {
  let t: TestApp;
  let editor: Record<string, string>;

  const adminEtag = async () => (await request(t.http).get('/api/admin/settings').set(editor).expect(200)).headers.etag as string;
  const patch = async (body: object, headers: Record<string, string> = editor) =>
    request(t.http).patch('/api/admin/settings').set(headers).set('If-Match', await adminEtag()).send(body);

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        SITE_URL: 'https://blog.example',
        PAGE_URL_PATTERN: '/p/{slug}/',
        SITE_TITLE: 'Configured Title',
        SITE_DESCRIPTION: 'Configured description.',
        SITE_LOCALE: 'en-gb',
        SITE_TIMEZONE: 'Europe/London',
        SCHEDULER_ENABLED: 'false',
        RELATED_REFRESH_ENABLED: 'false',
      },
    });
    editor = bearer(await issueToken(t, ['settings:write']));
    await waitFor(() => t.app.get(ContentGenerationService).known, 10_000);
  });
  afterAll(() => t.close());

  it('answers the configured defaults until edited, publicly cached, the same over REST and GraphQL', async () => {
    const res = await request(t.http).get('/api/settings').expect(200);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(res.headers.etag).toBeDefined();
    expect(res.body.data).toEqual({
      title: 'Configured Title',
      description: 'Configured description.',
      logo: null,
      icon: null,
      accentColor: null,
      locale: 'en-GB',
      timezone: 'Europe/London',
      social: [],
      primaryNavigation: [],
      secondaryNavigation: [],
      siteUrl: 'https://blog.example',
      updatedAt: expect.any(String),
    });
    await request(t.http).get('/api/settings').set('If-None-Match', res.headers.etag).expect(304);
    const viaGraphql = await gql(t, SETTINGS_QUERY);
    expect(viaGraphql.errors).toBeUndefined();
    const { updatedAt: _ignored, ...restFields } = res.body.data;
    expect(viaGraphql.data!.settings).toEqual(restFields);
  });

  it('serves repeated reads from the response cache and shows an edit on the very next read', async () => {
    const first = await request(t.http).get('/api/settings').expect(200);
    const { statements } = await t.prisma.countStatements(() => request(t.http).get('/api/settings').expect(200));
    expect(statements).toBe(0);
    await gql(t, SETTINGS_QUERY);
    expect((await t.prisma.countStatements(() => gql(t, SETTINGS_QUERY))).statements).toBe(0);

    const title = `Edited ${Date.now()}`;
    const updated = await patch({ title });
    expect(updated.status).toBe(200);
    expect(updated.headers['cache-control']).toBe('private, no-store');
    const after = await request(t.http).get('/api/settings').expect(200);
    expect(after.body.data.title).toBe(title);
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect((await gql(t, SETTINGS_QUERY)).data!.settings.title).toBe(title);

    // null puts a default back.
    await (await patch({ title: null })).body;
    expect((await request(t.http).get('/api/settings').expect(200)).body.data.title).toBe('Configured Title');
  });

  it('updates every field, resolves images and linked documents, audits and emits settings.updated', async () => {
    const hooks = bearer(await issueToken(t, ['webhooks:manage']));
    await request(t.http).post('/api/admin/webhooks').set(hooks).send({ url: 'http://127.0.0.1:9/hook', events: ['settings.updated'] }).expect(201);
    const logo = await mediaItem(t);
    const icon = await mediaItem(t);
    const published = await publishedPost(t, { title: 'About us' });
    const writer = await issueToken(t, ['content:read', 'content:write']);
    const draft = await createDraft(t, writer, { title: 'Not yet' });

    const res = await patch({
      description: 'A blog about long reads.',
      logoMediaId: logo.id,
      iconMediaId: icon.id.toUpperCase(),
      accentColor: '#FF5A1F',
      locale: 'pt-br',
      timezone: 'america/sao_paulo',
      social: [{ network: 'mastodon', url: 'https://mastodon.social/@byline', handle: '@byline@mastodon.social' }, { network: 'github', url: 'https://github.com/byline' }],
      primaryNavigation: [
        { label: 'Home', url: '/' },
        { label: 'About', documentId: published.id },
        { label: 'Coming soon', documentId: draft.id },
      ],
      secondaryNavigation: [{ label: 'Newsletter', url: 'https://news.example/subscribe' }],
    });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(res.headers.etag).toBe(data.etag);
    expect(data).toMatchObject({
      description: 'A blog about long reads.',
      accentColor: '#ff5a1f',
      locale: 'pt-BR',
      timezone: 'America/Sao_Paulo',
      logo: { mediaId: logo.id, width: 400, height: 100, alt: 'The logo', url: expect.stringContaining('/original.png') },
      icon: { mediaId: icon.id },
      social: [
        { network: 'mastodon', url: 'https://mastodon.social/@byline', handle: '@byline@mastodon.social' },
        { network: 'github', url: 'https://github.com/byline', handle: null },
      ],
    });
    // The editor sees every entry; an unpublished target has no URL yet.
    expect(data.primaryNavigation).toEqual([
      { label: 'Home', url: '/', documentId: null },
      { label: 'About', url: `https://blog.example/${published.slug}/`, documentId: published.id },
      { label: 'Coming soon', url: null, documentId: draft.id },
    ]);

    // The public leaves the unpublished target out (no dead link, nothing about the draft).
    const pub = (await request(t.http).get('/api/settings').expect(200)).body.data;
    expect(pub.primaryNavigation).toEqual([
      { label: 'Home', url: '/', documentId: null },
      { label: 'About', url: `https://blog.example/${published.slug}/`, documentId: published.id },
    ]);
    expect(JSON.stringify(pub)).not.toContain(draft.id);
    expect(pub.secondaryNavigation).toEqual([{ label: 'Newsletter', url: 'https://news.example/subscribe', documentId: null }]);

    // Deleting the linked document drops its entry too. The delete bypasses the app, so the cache learns of it
    // from the content generation notification (within a second or so), not at once: poll for it.
    await t.prisma.post.delete({ where: { id: published.id } });
    const labels = async () => (await request(t.http).get('/api/settings').expect(200)).body.data.primaryNavigation.map((i: any) => i.label);
    await waitFor(async () => JSON.stringify(await labels()) === '["Home"]', 15_000, 50);

    const audit = await t.prisma.auditEntry.findFirst({ where: { action: 'settings.updated' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ targetType: 'settings', tokenId: expect.any(String), requestId: expect.any(String) });
    expect((audit!.details as { changed: string[] }).changed).toEqual(expect.arrayContaining(['logoMediaId', 'primaryNavigation', 'timezone']));
    const deliveries = await t.prisma.webhookDelivery.findMany({ where: { event: 'settings.updated' } });
    expect(deliveries.length).toBeGreaterThanOrEqual(1);
    expect(deliveries[0].payload).toMatchObject({ type: 'settings.updated', data: { type: 'settings' } });
  });

  it('requires If-Match: 428 without, 412 when stale', async () => {
    expectProblem(await request(t.http).patch('/api/admin/settings').set(editor).send({ title: 'x' }), 428, 'PRECONDITION_REQUIRED');
    const stale = await adminEtag();
    await patch({ accentColor: '#000000' });
    expectProblem(await request(t.http).patch('/api/admin/settings').set(editor).set('If-Match', stale).send({ title: 'x' }), 412, 'PRECONDITION_FAILED');
  });

  it.each([
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    [{ locale: 'not a locale' }, 'locale'],
    [{ accentColor: 'red' }, 'accentColor'],
    [{ logoMediaId: '5b0c0c0c-0000-4000-8000-000000000001' }, 'logoMediaId'],
    [{ primaryNavigation: [{ label: 'Both', url: '/a', documentId: '5b0c0c0c-0000-4000-8000-000000000001' }] }, 'primaryNavigation[0]'],
    [{ primaryNavigation: [{ label: 'Ghost', documentId: '5b0c0c0c-0000-4000-8000-000000000001' }] }, 'primaryNavigation[0].documentId'],
    [{ secondaryNavigation: [{ label: 'Script', url: 'javascript:alert(1)' }] }, 'secondaryNavigation[0].url'],
    [{ social: [{ network: 'x', url: 'https://x.com/a' }, { network: 'x', url: 'https://x.com/b' }] }, 'social'],
    [{ social: [{ network: 'myspace', url: 'https://myspace.com/a' }] }, 'social'],
    [{ siteUrl: 'https://elsewhere.example' }, 'siteUrl'],
    [{}, undefined],
  ])('refuses %j with a 400 problem', async (body, field) => {
    const before = await adminEtag();
    const problem = expectProblem(await patch(body), 400, 'VALIDATION_FAILED');
    if (field) expect(JSON.stringify(problem)).toContain(field);
    expect(await adminEtag()).toBe(before);
  });

  it('updates over GraphQL with the etag of adminSettings', async () => {
    const read = await gql(t, '{ adminSettings { etag title } }', undefined, editor);
    expect(read.errors).toBeUndefined();
    const mutation = `mutation($input: UpdateSettingsInput!, $ifMatch: String) { updateSettings(input: $input, ifMatch: $ifMatch) { title etag primaryNavigation { label url } } }`;
    const ok = await gql(t, mutation, { input: { title: 'Via GraphQL', primaryNavigation: [{ label: 'Home', url: '/' }] }, ifMatch: read.data!.adminSettings.etag }, editor);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateSettings).toMatchObject({ title: 'Via GraphQL', primaryNavigation: [{ label: 'Home', url: '/' }] });
    expect((await gql(t, SETTINGS_QUERY)).data!.settings.title).toBe('Via GraphQL');

    const stale = await gql(t, mutation, { input: { title: 'Again' }, ifMatch: read.data!.adminSettings.etag }, editor);
    expect(stale.errors?.[0].extensions?.code).toBe('PRECONDITION_FAILED');
    const invalid = await gql(t, mutation, { input: { timezone: 'Nowhere/Never' }, ifMatch: ok.data!.updateSettings.etag }, editor);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses editors without a token (401) or without settings:write (403), on both transports', async () => {
    const reader = bearer(await issueToken(t, ['content:read', 'content:write']));
    expectProblem(await request(t.http).get('/api/admin/settings'), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).patch('/api/admin/settings').set('If-Match', '*').send({ title: 'x' }), 401, 'UNAUTHENTICATED');
    expectProblem(await request(t.http).get('/api/admin/settings').set(reader), 403, 'FORBIDDEN');
    expectProblem(await request(t.http).patch('/api/admin/settings').set(reader).set('If-Match', '*').send({ title: 'x' }), 403, 'FORBIDDEN');
    const mutation = 'mutation { updateSettings(input: { title: "x" }, ifMatch: "*") { title } }';
    expect((await gql(t, mutation)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(t, mutation, undefined, reader)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(t, '{ adminSettings { etag } }', undefined, reader)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await request(t.http).get('/api/settings').expect(200)).body.data.title).not.toBe('x');
  });

  it('links pages by the page URL pattern and leaves unpublished pages out of the public menus', async () => {
    const writer = bearer(await issueToken(t, ['content:read', 'content:write', 'content:publish']));
    const createPage = async (title: string) => (await request(t.http).post('/api/admin/pages').set(writer).send({ title, markdown: 'Words.' }).expect(201)).body.data;
    const about = await createPage('About the site');
    const later = await createPage('A page for later');
    await request(t.http).post(`/api/admin/pages/${about.id}/publish`).set(writer).send({}).expect(200);

    const res = await patch({ secondaryNavigation: [{ label: 'About', documentId: about.id }, { label: 'Later', documentId: later.id }] });
    expect(res.status).toBe(200);
    expect(res.body.data.secondaryNavigation).toEqual([
      { label: 'About', url: `https://blog.example/p/${about.slug}/`, documentId: about.id },
      { label: 'Later', url: null, documentId: later.id },
    ]);
    const menu = async () => (await request(t.http).get('/api/settings').expect(200)).body.data.secondaryNavigation;
    expect(await menu()).toEqual([{ label: 'About', url: `https://blog.example/p/${about.slug}/`, documentId: about.id }]);
    expect((await gql(t, SETTINGS_QUERY)).data!.settings.secondaryNavigation).toEqual(await menu());

    // Unpublished (through the app, which bumps the content generation): gone from the public menu.
    await request(t.http).post(`/api/admin/pages/${about.id}/unpublish`).set(writer).send({}).expect(200);
    expect(await menu()).toEqual([]);
  });

  it('titles the feeds after the edited settings, falling back to the configuration', async () => {
    const channel = async () => {
      const json = JSON.parse((await request(t.http).get('/api/feed.json').expect(200)).text);
      const rss = findAll(parseXml((await request(t.http).get('/api/feed.xml').expect(200)).text), 'channel')[0];
      return { json: { title: json.title, description: json.description, language: json.language }, rss: { title: childText(rss, 'title'), description: childText(rss, 'description'), language: childText(rss, 'language') } };
    };
    expect((await patch({ title: 'Edited Title', description: 'Edited description.', locale: 'fr-ca' })).status).toBe(200);
    const edited = { title: 'Edited Title', description: 'Edited description.', language: 'fr-CA' };
    expect(await channel()).toEqual({ json: edited, rss: edited });

    expect((await patch({ title: null, description: null, locale: null })).status).toBe(200);
    const configured = { title: 'Configured Title', description: 'Configured description.', language: 'en-GB' };
    expect(await channel()).toEqual({ json: configured, rss: configured });
  });
});
