import request from 'supertest';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { gql } from '../../helpers/graphql';
import { bearer, issueToken } from '../../helpers/tokens';

const FLAGSHIP = 'the-case-for-the-long-read';
const ROLES = ['Lead Engineer', 'Software Architect', 'CTO'];

describe('rich article bodies through the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('serves the reference article with its three roles as a definition list, in html and plaintext', async () => {
    const res = await request(t.http).get(`/api/posts/slug/${FLAGSHIP}?formats=html,plaintext`).expect(200);
    const post = res.body.data;
    const roles = [...post.html.matchAll(/<dt>([^<]+)<\/dt>\s*<dd>([^<]+)<\/dd>/g)].map(([, term, description]: string[]) => ({ term, description }));
    expect(roles.map((role) => role.term)).toEqual(ROLES);
    expect(post.html).toMatch(/<dl>\s*(<dt>[^<]+<\/dt>\s*<dd>[^<]+<\/dd>\s*){3}<\/dl>/);
    for (const { term, description } of roles) expect(post.plaintext).toContain(`\n${term}\n${description}\n`);
    expect(post.plaintext).not.toMatch(/CTOThe|EngineerTurns|ArchitectDecides/);
    expect(post.readingTime.minutes).toBe(8);
  });

  it('finds the reference article when searching for "CTO", over REST and GraphQL', async () => {
    const rest = await request(t.http).get('/api/search').query({ q: 'CTO' }).expect(200);
    expect(rest.body.data.map((hit: any) => hit.post.slug)).toContain(FLAGSHIP);
    expect(rest.body.data.find((hit: any) => hit.post.slug === FLAGSHIP).snippet).toMatch(/<mark>CTO<\/mark>/);
    const graphql = await gql(t, '{ search(query: "CTO") { nodes { post { slug } } } }');
    expect(graphql.errors).toBeUndefined();
    expect(graphql.data!.search.nodes.map((hit: any) => hit.post.slug)).toContain(FLAGSHIP);
  });

  it('publishes a post written with footnotes, a task list, sub/sup, an abbreviation and an embed', async () => {
    const token = await issueToken(t, ['content:read', 'content:write', 'content:publish']);
    const markdown = [
      'Water is H~2~O and area grows with r^2^; the HTML spec agrees.[^spec]',
      '',
      '- [x] drafted',
      '- [ ] zygomorphic proofread',
      '',
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk"></iframe>',
      '<iframe src="https://tracker.example.com/embed"></iframe>',
      '',
      '*[HTML]: HyperText Markup Language',
      '[^spec]: See the living standard.',
    ].join('\n');
    const { id } = await createDraft(t, token, { markdown });
    await request(t.http).post(`/api/admin/posts/${id}/publish`).set(bearer(token)).send({}).expect(200);

    const { body } = await request(t.http).get(`/api/posts/${id}?formats=html,plaintext`).expect(200);
    expect(body.data.html).toContain('H<sub>2</sub>O');
    expect(body.data.html).toContain('r<sup>2</sup>');
    expect(body.data.html).toContain('<abbr title="HyperText Markup Language">HTML</abbr>');
    expect(body.data.html).toContain('<a href="#fn1" id="fnref1">[1]</a>');
    expect(body.data.html).toMatch(/<li class="footnote-item" id="fn1"><p>See the living standard\./);
    expect(body.data.html).toContain('<input type="checkbox" disabled class="task-list-item-checkbox" checked /> drafted');
    expect(body.data.html).toMatch(/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/abc" title="Talk" loading="lazy" sandbox="[^"]+" referrerpolicy="[^"]+"><\/iframe>/);
    expect(body.data.html).not.toContain('tracker.example.com');
    expect(body.data.plaintext).toContain('drafted\nzygomorphic proofread');

    const search = await request(t.http).get('/api/search').query({ q: 'zygomorphic' }).expect(200);
    expect(search.body.data.map((hit: any) => hit.post.id)).toEqual([id]);
  });
});
