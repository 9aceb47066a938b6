import request from 'supertest';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

/** Write-time label counts and the bounded search, on a real database (no seed: each test builds its data). */
describe('public read model: trigger-kept counts and bounded search', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', RESPONSE_CACHE_MB: '0' } });
  });
  afterAll(() => t.close());

  let serial = 0;
  async function post(data: { status: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED'; publishedAt: Date | null; tags: string[]; authors: string[]; text?: string }) {
    serial += 1;
    const text = data.text ?? `Counting note ${serial}`;
    return t.prisma.post.create({
      data: {
        slug: `count-note-${serial}`,
        title: `Counting note ${serial}`,
        html: `<p>${text}</p>`,
        plaintext: text,
        excerpt: text,
        status: data.status,
        publishedAt: data.publishedAt,
        tags: { create: data.tags.map((slug, position) => ({ position, tag: { connect: { slug } } })) },
        authors: { create: data.authors.map((slug, position) => ({ position, author: { connect: { slug } } })) },
      },
      select: { id: true },
    });
  }

  /** The count the public API must report, recounted from scratch. */
  async function recount(kind: 'tag' | 'author', slug: string): Promise<number> {
    const visible = { kind: 'post' as const, status: 'PUBLISHED' as const, publishedAt: { lte: new Date() } };
    return kind === 'tag'
      ? t.prisma.postTag.count({ where: { tag: { slug }, post: visible } })
      : t.prisma.postAuthor.count({ where: { author: { slug }, post: visible } });
  }

  async function publicCount(kind: 'tag' | 'author', slug: string): Promise<number> {
    const res = await request(t.http).get(`/api/${kind}s/slug/${slug}`);
    return res.status === 404 ? 0 : res.body.data.postCount;
  }

  async function expectCounts(slugs: { tags: string[]; authors: string[] }) {
    for (const slug of slugs.tags) expect({ slug, n: await publicCount('tag', slug) }).toEqual({ slug, n: await recount('tag', slug) });
    for (const slug of slugs.authors) expect({ slug, n: await publicCount('author', slug) }).toEqual({ slug, n: await recount('author', slug) });
  }

  it('keeps tag and author postCount exact through publish, unpublish, retag, relink, date changes and delete', async () => {
    await t.prisma.tag.createMany({ data: ['c-one', 'c-two', 'c-three'].map((slug) => ({ slug, name: slug })) });
    await t.prisma.author.createMany({ data: ['c-ann', 'c-bob'].map((slug) => ({ slug, name: slug })) });
    const slugs = { tags: ['c-one', 'c-two', 'c-three'], authors: ['c-ann', 'c-bob'] };
    const past = new Date(Date.now() - 86_400_000);
    const a = await post({ status: 'PUBLISHED', publishedAt: past, tags: ['c-one', 'c-two'], authors: ['c-ann'] });
    const b = await post({ status: 'PUBLISHED', publishedAt: past, tags: ['c-one'], authors: ['c-ann', 'c-bob'] });
    const draft = await post({ status: 'DRAFT', publishedAt: null, tags: ['c-one', 'c-three'], authors: ['c-bob'] });
    await post({ status: 'SCHEDULED', publishedAt: new Date(Date.now() + 86_400_000), tags: ['c-three'], authors: ['c-bob'] });
    expect(await publicCount('tag', 'c-one')).toBe(2);
    await expectCounts(slugs);

    // Published but dated ahead (only a clock resolves it): counted by the trigger, subtracted on read.
    const ahead = await post({ status: 'PUBLISHED', publishedAt: new Date(Date.now() + 86_400_000), tags: ['c-two'], authors: ['c-bob'] });
    expect(await publicCount('tag', 'c-two')).toBe(1);
    await expectCounts(slugs);
    await t.prisma.post.update({ where: { id: ahead.id }, data: { publishedAt: past } });
    expect(await publicCount('tag', 'c-two')).toBe(2);

    await t.prisma.post.update({ where: { id: draft.id }, data: { status: 'PUBLISHED', publishedAt: past } });
    expect(await publicCount('tag', 'c-three')).toBe(1);
    await t.prisma.post.update({ where: { id: a.id }, data: { status: 'DRAFT', publishedAt: null } });
    await expectCounts(slugs);

    // Retag a published post the way the write path does (delete the links, insert the new ones).
    await t.prisma.postTag.deleteMany({ where: { postId: b.id } });
    const three = await t.prisma.tag.findUniqueOrThrow({ where: { slug: 'c-three' } });
    await t.prisma.postTag.create({ data: { postId: b.id, tagId: three.id, position: 0 } });
    await t.prisma.postTag.updateMany({ where: { postId: draft.id, tagId: three.id }, data: { position: 5 } });
    await expectCounts(slugs);

    await t.prisma.post.delete({ where: { id: b.id } });
    await t.prisma.post.delete({ where: { id: a.id } });
    await expectCounts(slugs);
    expect(await t.prisma.tag.findMany({ where: { slug: { in: slugs.tags } }, select: { slug: true, publishedPostCount: true }, orderBy: { slug: 'asc' } }))
      .toEqual([
        { slug: 'c-one', publishedPostCount: 1 },
        { slug: 'c-three', publishedPostCount: 1 },
        { slug: 'c-two', publishedPostCount: 1 },
      ]);
  });

  it('lists tags and authors with the same exact counts, and hides labels whose only post is dated ahead', async () => {
    await t.prisma.tag.create({ data: { slug: 'c-later', name: 'c-later' } });
    await post({ status: 'PUBLISHED', publishedAt: new Date(Date.now() + 3_600_000), tags: ['c-later'], authors: [] });
    const tags = (await request(t.http).get('/api/tags?limit=100').expect(200)).body;
    expect(tags.data.map((x: { slug: string }) => x.slug)).not.toContain('c-later');
    for (const tag of tags.data) expect(tag.postCount).toBe(await recount('tag', tag.slug));
    expect(tags.meta.pagination.total).toBe(tags.data.length);
    await request(t.http).get('/api/tags/slug/c-later').expect(404);
    const authors = (await request(t.http).get('/api/authors?limit=100').expect(200)).body;
    for (const author of authors.data) expect(author.postCount).toBe(await recount('author', author.slug));
  });

  it('finds "tech lead" when searching the hyphenated "tech-lead"', async () => {
    await post({ status: 'PUBLISHED', publishedAt: new Date(Date.now() - 1000), tags: [], authors: [], text: 'Notes from a tech lead on code review' });
    const res = await request(t.http).get('/api/search?q=tech-lead').expect(200);
    expect(res.body.data.map((h: { post: { title: string } }) => h.post.title)).toHaveLength(1);
    const phrase = await request(t.http).get(`/api/search?q=${encodeURIComponent('"tech-lead"')}`).expect(200);
    expect(phrase.body.meta.pagination.total).toBe(1);
  });

  it('ranks at most the 1,000 newest matches, and reports total up to that bound', async () => {
    await t.prisma.$executeRaw`
      INSERT INTO posts (slug, title, html, plaintext, excerpt, status, published_at)
      SELECT 'bulk-bound-' || i, 'Bulk bound ' || i, '<p>glimmerstone</p>', 'glimmerstone', 'glimmerstone', 'PUBLISHED',
             now() - interval '1 day' - i * interval '1 minute'
      FROM generate_series(1, 1005) i`;
    const first = await request(t.http).get('/api/search?q=glimmerstone&limit=50').expect(200);
    expect(first.body.meta.pagination).toMatchObject({ total: 1000, hasMore: true });
    // All candidates rank alike here, so the pages walk them by id; the 5 oldest matches are never reached.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `/api/search?q=glimmerstone&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await request(t.http).get(url).expect(200)).body;
      for (const hit of page.data) seen.add(hit.post.slug);
      cursor = page.meta.pagination.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(1000);
    for (const oldest of [1001, 1002, 1003, 1004, 1005]) expect(seen.has(`bulk-bound-${oldest}`)).toBe(false);
  });
});
