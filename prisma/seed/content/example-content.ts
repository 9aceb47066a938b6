/**
 * Example (demo) content for Byline: "The Byline Journal", a fictional
 * small-team blog about writing for the web, long-form publishing,
 * typography, API design for content, slow productivity and reading habits.
 *
 * Post bodies live as Markdown files in `./posts/<bodyFile>`. Images in `./media/` are uploaded to the
 * media library by the seed (variants, placeholder, dominant colour); a body refers to one as
 * `../media/<file>` (so the Markdown previews on GitHub) and the seed swaps in its library URL.
 *
 * Notes for anyone using this data in tests:
 * - `the-case-for-the-long-read` is the featured long-form reference article
 *   (about 1,630 rendered words including the image caption, one inline
 *   image: 8 minutes at 200 wpm + 12 s per image).
 * - Tag overlap with the flagship is deliberately varied for "related posts"
 *   ranking. Among PUBLISHED posts, `writing` is the most common tag and
 *   `long-form` the rarest of the flagship's tags:
 *     line-length-and-the-patient-reader         typography + writing  (shares 2)
 *     the-hundred-page-habit                     reading + long-form   (shares 2, incl. rare long-form)
 *     reading-time-is-a-promise                  reading               (shares 1)
 *     small-caps-and-quiet-details               typography            (shares 1)
 *     editing-in-three-passes                    writing               (shares 1, common)
 *     designing-a-content-api-editors-can-trust  writing               (shares 1, common)
 *     the-slow-publishing-calendar               -                     (shares none)
 * - The DRAFT and SCHEDULED posts both carry `long-form` and overlap strongly
 *   with the flagship on purpose: they must never appear publicly, including
 *   in related-post lists, tag listings or tag post counts.
 */

export interface SeedAuthor {
  slug: string;
  name: string;
  bio: string;
  avatarUrl: string;
  website: string | null;
}

export interface SeedTag {
  slug: string;
  name: string;
  description: string;
}

export interface SeedPost {
  slug: string;
  title: string;
  /** File name under prisma/seed/content/posts/ */
  bodyFile: string;
  customExcerpt: string | null;
  status: 'PUBLISHED' | 'DRAFT' | 'SCHEDULED';
  /** ISO-8601 UTC for PUBLISHED; null for DRAFT and SCHEDULED. */
  publishedAt: string | null;
  /** SCHEDULED only: days after seeding when the post is due. */
  publishInDays?: number;
  featured: boolean;
  /** A URL elsewhere, or `media`: a file of `seedMedia` (its alt and caption come from the library item). */
  featureImage: { url: string; alt: string; caption: string | null } | { media: string } | null;
  /** Tag slugs, in order (first = primary). */
  tags: string[];
  /** Author slugs, in order (first = primary). */
  authors: string[];
  seo: { title: string | null; description: string | null } | null;
}

/** A file under prisma/seed/content/media/ (drawn by prisma/seed/make-example-images.mjs). */
export interface SeedMedia {
  file: string;
  alt: string;
  caption: string | null;
}

export const seedMedia: SeedMedia[] = [
  {
    file: 'the-case-for-the-long-read.jpg',
    alt: 'An armchair beside a window with an open book resting on its arm',
    caption: 'Long reads ask for a little time. We try to make it worth it.',
  },
  {
    file: 'long-read-desk-proof.jpg',
    alt: 'A printed essay on a wooden desk, covered in handwritten pencil notes',
    caption: 'We still print every long piece once before it goes out. The margins show us where readers will stall.',
  },
];

export const seedAuthors: SeedAuthor[] = [
  {
    slug: 'mara-okafor',
    name: 'Mara Okafor',
    bio: 'Mara edits The Byline Journal and writes about long-form publishing, editing and reading habits. She spent ten years on magazine desks before moving to the web.',
    avatarUrl: 'https://images.example.com/byline/avatars/mara-okafor.jpg',
    website: 'https://example.com/mara-okafor',
  },
  {
    slug: 'tomas-lindqvist',
    name: 'Tomas Lindqvist',
    bio: 'Tomas builds the Byline API and cares more about line length than is probably healthy. He writes about typography and API design for content.',
    avatarUrl: 'https://images.example.com/byline/avatars/tomas-lindqvist.jpg',
    website: null,
  },
];

export const seedTags: SeedTag[] = [
  {
    slug: 'long-form',
    name: 'Long-form',
    description: 'Essays and notes on writing and publishing pieces that take more than a few minutes to read.',
  },
  {
    slug: 'writing',
    name: 'Writing',
    description: 'Practical craft advice on drafting, editing and revising for the web.',
  },
  {
    slug: 'typography',
    name: 'Typography',
    description: 'How type, spacing and layout shape the way readers experience a page.',
  },
  {
    slug: 'api-design',
    name: 'API Design',
    description: 'Designing content APIs that developers enjoy using and editors can rely on.',
  },
  {
    slug: 'reading',
    name: 'Reading',
    description: 'Reading habits, reading time, and what keeps people reading to the end.',
  },
  {
    slug: 'slow-productivity',
    name: 'Slow Productivity',
    description: 'Working at a sustainable pace, with fewer deadlines and more attention for each piece.',
  },
];

export const seedPosts: SeedPost[] = [
  // Flagship long-form reference article.
  {
    slug: 'the-case-for-the-long-read',
    title: 'The Case for the Long Read',
    bodyFile: 'the-case-for-the-long-read.md',
    customExcerpt:
      'Why a small journal still publishes long pieces, and the writing, typography and tooling choices that make a long read worth finishing.',
    status: 'PUBLISHED',
    publishedAt: '2026-06-16T07:00:00.000Z',
    featured: true,
    featureImage: { media: 'the-case-for-the-long-read.jpg' },
    tags: ['long-form', 'writing', 'typography', 'reading'],
    authors: ['mara-okafor', 'tomas-lindqvist'],
    seo: {
      title: 'The Case for the Long Read | The Byline Journal',
      description:
        'Why we still publish long-form writing on the web, and the structure, typography and tooling that help readers finish it.',
    },
  },
  {
    slug: 'small-caps-and-quiet-details',
    title: 'Small Caps, Hanging Punctuation and Other Quiet Details',
    bodyFile: 'small-caps-and-quiet-details.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-03-10T09:00:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/small-caps-specimen.jpg',
      alt: 'Close-up of a printed type specimen showing small capitals next to regular letters',
      caption: null,
    },
    tags: ['typography'],
    authors: ['tomas-lindqvist'],
    seo: null,
  },
  {
    slug: 'editing-in-three-passes',
    title: 'Editing in Three Passes',
    bodyFile: 'editing-in-three-passes.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-04-02T08:30:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/editing-three-passes.jpg',
      alt: 'Three printed drafts of the same page, each marked up with a different coloured pen',
      caption: 'Structure, sentences, surface: one colour per pass.',
    },
    tags: ['writing', 'slow-productivity'],
    authors: ['mara-okafor'],
    seo: {
      title: null,
      description: 'How our team edits every draft in three separate passes: structure first, then sentences, then the surface.',
    },
  },
  {
    slug: 'the-hundred-page-habit',
    title: 'The Hundred-Page Habit',
    bodyFile: 'the-hundred-page-habit.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-05-05T06:45:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/hundred-page-habit.jpg',
      alt: 'A stack of paperback books on a bedside table next to a reading lamp',
      caption: null,
    },
    tags: ['reading', 'long-form'],
    authors: ['mara-okafor'],
    seo: null,
  },
  {
    slug: 'designing-a-content-api-editors-can-trust',
    title: 'Designing a Content API Editors Can Trust',
    bodyFile: 'designing-a-content-api-editors-can-trust.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-05-26T10:15:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/content-api-editors.jpg',
      alt: 'A laptop showing a JSON response beside a notebook of handwritten editorial notes',
      caption: 'Editors never call the API, but they feel every decision in it.',
    },
    tags: ['api-design', 'writing'],
    authors: ['tomas-lindqvist', 'mara-okafor'],
    seo: {
      title: 'Designing a Content API Editors Can Trust',
      description: null,
    },
  },
  {
    slug: 'line-length-and-the-patient-reader',
    title: 'Line Length and the Patient Reader',
    bodyFile: 'line-length-and-the-patient-reader.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-07-21T08:00:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/line-length.jpg',
      alt: 'Two columns of the same text side by side, one narrow and one very wide',
      caption: null,
    },
    tags: ['typography', 'writing'],
    authors: ['tomas-lindqvist'],
    seo: null,
  },
  {
    slug: 'reading-time-is-a-promise',
    title: 'Reading Time Is a Promise',
    bodyFile: 'reading-time-is-a-promise.md',
    customExcerpt: null,
    status: 'PUBLISHED',
    publishedAt: '2026-09-08T07:30:00.000Z',
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/reading-time.jpg',
      alt: 'A small hourglass standing on an open book',
      caption: null,
    },
    tags: ['api-design', 'reading'],
    authors: ['tomas-lindqvist'],
    seo: null,
  },
  {
    slug: 'the-slow-publishing-calendar',
    title: 'The Slow Publishing Calendar',
    bodyFile: 'the-slow-publishing-calendar.md',
    customExcerpt:
      'Two pieces a month, a rest week every quarter, and deadlines for drafts rather than publishing: the calendar we run the Journal on, and what it cost us.',
    status: 'PUBLISHED',
    publishedAt: '2026-10-20T09:00:00.000Z',
    featured: false,
    featureImage: null,
    tags: ['slow-productivity'],
    authors: ['mara-okafor'],
    seo: null,
  },
  // Never public: draft.
  {
    slug: 'unfinished-notes-on-footnotes',
    title: 'Unfinished Notes on Footnotes',
    bodyFile: 'unfinished-notes-on-footnotes.md',
    customExcerpt: null,
    status: 'DRAFT',
    publishedAt: null,
    featured: false,
    featureImage: null,
    tags: ['typography', 'long-form'],
    authors: ['tomas-lindqvist'],
    seo: null,
  },
  // Never public until due: scheduled.
  {
    slug: 'coming-soon-the-annual-reading-list',
    title: 'The Annual Reading List',
    bodyFile: 'coming-soon-the-annual-reading-list.md',
    customExcerpt: null,
    status: 'SCHEDULED',
    publishedAt: null,
    publishInDays: 30,
    featured: false,
    featureImage: {
      url: 'https://images.example.com/byline/annual-reading-list.jpg',
      alt: 'A row of well-worn books on a wooden shelf',
      caption: null,
    },
    tags: ['reading', 'long-form'],
    authors: ['mara-okafor', 'tomas-lindqvist'],
    seo: null,
  },
];
