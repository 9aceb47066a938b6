import * as steps from '../../src/modules/posts/post-write-steps.repository';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { createDraft } from '../helpers/admin-posts';
import { issueToken } from '../helpers/tokens';

// A post's full-text document (title, excerpt, tag names, body) is built by triggers. A create with tags
// builds it once, after the tags are linked, instead of once on insert and again on linking.
describe('the search document of a new post', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await issueToken(t, ['content:read', 'content:write']);
  });
  afterAll(() => t.close());

  /** Whether the stored document is exactly what the document function makes of the row now. */
  const complete = async (id: string) => {
    const [row] = await t.prisma.$queryRaw<Array<{ complete: boolean }>>`
      SELECT search_vector IS NOT NULL AND search_vector = post_search_document(id, title, excerpt, plaintext) AS complete
      FROM posts WHERE id = ${id}::uuid`;
    return row.complete;
  };

  it('leaves the document to the tag links when announced, for the next insert only', async () => {
    const insert = (tx: typeof t.prisma, slug: string) =>
      tx.$queryRaw<Array<{ id: string; built: boolean }>>`
        INSERT INTO posts (slug, title, excerpt, markdown, html, plaintext)
        VALUES (${slug}, 'Announced', 'Quinces', 'Body about quinces', '<p>Body about quinces</p>', 'Body about quinces')
        RETURNING id::text AS id, search_vector IS NOT NULL AS built`;
    const rolledBack = new Error('roll back');
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('byline.search_document_follows', 'on', true)`;
        const [first] = await insert(tx as typeof t.prisma, 'announced-first');
        expect(first.built).toBe(false);
        const tag = await tx.tag.create({ data: { slug: 'quince-orchards', name: 'Quince orchards' } });
        await tx.postTag.create({ data: { postId: first.id, tagId: tag.id, position: 0 } });
        const [after] = await tx.$queryRaw<Array<{ complete: boolean; tagged: boolean }>>`
          SELECT search_vector = post_search_document(id, title, excerpt, plaintext) AS complete,
                 search_vector @@ to_tsquery('english', 'orchard') AS tagged
          FROM posts WHERE id = ${first.id}::uuid`;
        expect(after).toEqual({ complete: true, tagged: true });
        // The announcement was for that insert: the next one builds its own document.
        const [second] = await insert(tx as typeof t.prisma, 'announced-second');
        expect(second.built).toBe(true);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it('is complete for posts created over the API with and without tags; only a create with tags announces', async () => {
    const announce = jest.spyOn(steps, 'announceTagLinks');
    try {
      const tagged = await createDraft(t, token, { tags: ['Quince orchards', 'Pruning'] });
      expect(announce).toHaveBeenCalledTimes(1);
      const untagged = await createDraft(t, token);
      expect(announce).toHaveBeenCalledTimes(1);
      expect(await complete(tagged.id)).toBe(true);
      expect(await complete(untagged.id)).toBe(true);
    } finally {
      announce.mockRestore();
    }
  });
});
