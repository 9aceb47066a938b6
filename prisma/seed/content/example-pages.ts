/**
 * Example pages of "The Byline Journal" (documents of kind `page`; bodies in `./pages/<bodyFile>`).
 * The About page avoids the words the search tests query for (read, long, typography, ...), so seeded
 * search results stay the posts those tests expect.
 */
export interface SeedPage {
  slug: string;
  title: string;
  bodyFile: string;
  customExcerpt: string | null;
  status: 'PUBLISHED' | 'DRAFT';
  /** ISO-8601 UTC for PUBLISHED; null for DRAFT. */
  publishedAt: string | null;
  seo: { title: string | null; description: string | null } | null;
}

export const seedPages: SeedPage[] = [
  {
    slug: 'about',
    title: 'About',
    bodyFile: 'about.md',
    customExcerpt: 'A small, independent magazine about the craft of publishing on the web.',
    status: 'PUBLISHED',
    publishedAt: '2024-01-02T09:00:00.000Z',
    seo: { title: 'About The Byline Journal', description: null },
  },
];
