// The benchmark's blog: N deterministic posts generated once per (seed, size) into gzipped COPY files
// under .data/bench/, then loaded straight into a throwaway database with COPY.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { articleBlocks, rng, title as makeTitle, vocabulary } from './text.mjs';

// Bump when the generated data changes shape, so stale caches are not reused.
const GENERATOR_VERSION = 1;
const TAG_COUNT = 50;
const TAGS_PER_POST = 3;
const DRAFT_SHARE = 0.1;
const WORDS_PER_MINUTE = 200;
/** Words for the search case: present in roughly half of the posts (rank ~226 of the Zipf vocabulary). */
export const COMMON_SEARCH_WORD = 'library';

const AUTHORS = [
  ['ada-quill', 'Ada Quill'],
  ['benedikt-rowe', 'Benedikt Rowe'],
  ['chiara-lind', 'Chiara Lind'],
  ['dev-okafor', 'Dev Okafor'],
  ['emi-sato', 'Emi Sato'],
  ['farah-nadeem', 'Farah Nadeem'],
];

function uuidFrom(random) {
  const hex = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// COPY text format: backslash, newline, carriage return and tab are escaped; \N is NULL.
function copyField(value) {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}
const copyLine = (fields) => fields.map(copyField).join('\t') + '\n';

async function appPipeline(root) {
  const dir = join(root, 'dist/src/modules/content-body/domain');
  const [{ renderBody }, { buildExcerpt, countWords }, { computeReadingTime }, { HeadingIds }] = await Promise.all([
    import(join(dir, 'render-body.js')),
    import(join(dir, 'excerpt.js')),
    import(join(dir, 'reading-time.js')),
    import(join(dir, 'heading-ids.js')),
  ]);
  return { renderBody, buildExcerpt, countWords, computeReadingTime, HeadingIds };
}

/** html, plaintext, toc, excerpt, counts and reading time exactly as the app's renderBody makes them. */
function render(blocks, app) {
  const ids = new app.HeadingIds();
  const toc = [];
  const html = [];
  const text = [];
  const prose = [];
  let images = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'p':
        html.push(`<p>${b.html}</p>\n`);
        break;
      case 'h2': {
        const id = ids.assign(undefined, b.text);
        toc.push({ id, text: b.text, level: 2 });
        html.push(`<h2 id="${id}">${b.html}</h2>\n`);
        break;
      }
      case 'ul':
        html.push(`<ul>\n${b.html.map((i) => `<li>${i}</li>\n`).join('')}</ul>\n`);
        break;
      case 'quote':
        html.push(`<blockquote>\n<p>${b.html}</p>\n</blockquote>\n`);
        break;
      case 'img':
        images++;
        html.push(`<p>${b.html}</p>\n`);
        break;
    }
    if (b.text) text.push(b.text);
    if (b.text && b.kind !== 'h2') prose.push(b.text);
  }
  const plaintext = text.join('\n\n');
  const wordCount = app.countWords(plaintext);
  return {
    markdown: blocks.map((b) => b.md).join('\n\n') + '\n',
    html: html.join(''),
    plaintext,
    toc,
    wordCount,
    imageCount: images,
    excerpt: app.buildExcerpt(prose.join('\n')),
    readingTime: app.computeReadingTime(wordCount, images, WORDS_PER_MINUTE),
  };
}

function assertSameAsApp(post, app) {
  const expected = app.renderBody({ format: 'markdown', source: post.markdown }, { wordsPerMinute: WORDS_PER_MINUTE });
  for (const key of ['html', 'plaintext', 'toc', 'wordCount', 'imageCount', 'excerpt', 'readingTime']) {
    if (JSON.stringify(expected[key]) !== JSON.stringify(post[key])) {
      throw new Error(`dataset: generated ${key} differs from the app's renderBody for ${post.slug}; update bench/lib/dataset.mjs`);
    }
  }
}

/** Which dataset a (seed, size) pair is; the directory name doubles as the cache key. */
export function datasetDir(root, seed, size) {
  return join(root, '.data', 'bench', `v${GENERATOR_VERSION}-seed${seed}-n${size}`);
}

/**
 * Generates (or reuses) the dataset files. Returns the manifest: counts, the slugs the cases read, and
 * how long generation took. Every 500th post is rendered by the app's own pipeline and must match.
 */
export async function generateDataset({ root, seed, size, log }) {
  const dir = datasetDir(root, seed, size);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return { ...manifest, dir, cached: true };
  }
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const app = await appPipeline(root);
  const v = vocabulary();
  const random = rng(seed);

  const authors = AUTHORS.map(([slug, name]) => ({ id: uuidFrom(random), slug, name }));
  const tagNames = new Set();
  while (tagNames.size < TAG_COUNT) tagNames.add(v.words[150 + Math.floor(random() * 450)]);
  const tags = [...tagNames].map((name) => ({ id: uuidFrom(random), slug: name, name: name[0].toUpperCase() + name.slice(1) }));
  // Tag popularity is skewed too: the first tags are on many posts, the last on few.
  const tagWeights = tags.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const tagTotal = tagWeights.reduce((a, b) => a + b, 0);
  const pickTag = () => {
    let u = random() * tagTotal;
    for (let i = 0; i < tags.length; i++) if ((u -= tagWeights[i]) <= 0) return i;
    return tags.length - 1;
  };

  const streams = {};
  const open = (name) => {
    const gzip = createGzip({ level: 1 });
    const done = pipeline(gzip, createWriteStream(join(tmp, `${name}.copy.gz`)));
    streams[name] = { gzip, done };
  };
  const write = async (name, line) => {
    if (!streams[name].gzip.write(line)) await new Promise((r) => streams[name].gzip.once('drain', r));
  };
  for (const name of ['authors', 'tags', 'posts', 'post_tags', 'post_authors']) open(name);
  for (const a of authors) await write('authors', copyLine([a.id, a.slug, a.name, `${a.name} writes about craft and reading.`]));
  for (const t of tags) await write('tags', copyLine([t.id, t.slug, t.name, `Posts about ${t.slug}.`]));

  const slugs = new Set();
  const firstDate = Date.parse('2015-01-01T08:00:00Z');
  const lastDate = Date.parse('2026-11-01T08:00:00Z');
  const span = (lastDate - firstDate) / size;
  let newestPublished = null;
  let published = 0;
  const tagCounts = new Array(tags.length).fill(0);
  for (let i = 0; i < size; i++) {
    const id = uuidFrom(random);
    const title = makeTitle(v, random);
    let slug = title.toLowerCase().replace(/\s+/g, '-').slice(0, 80).replace(/-+$/, '');
    for (let n = 2; slugs.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    slugs.add(slug);
    const body = render(articleBlocks(v, random), app);
    const draft = random() < DRAFT_SHARE;
    const at = new Date(Math.floor(firstDate + i * span + random() * span * 0.5));
    const publishedAt = draft ? null : at.toISOString();
    const featured = random() < 0.05;
    const post = { slug, ...body };
    if (i % 500 === 0) assertSameAsApp(post, app);
    await write(
      'posts',
      copyLine([
        id, slug, title, body.markdown, body.html, body.plaintext, JSON.stringify(body.toc), body.excerpt,
        draft ? 'DRAFT' : 'PUBLISHED', publishedAt, featured ? 't' : 'f', body.wordCount, body.imageCount,
        body.readingTime.seconds, body.readingTime.minutes, at.toISOString(), at.toISOString(),
      ]),
    );
    const chosen = new Set();
    while (chosen.size < TAGS_PER_POST) chosen.add(pickTag());
    let position = 0;
    for (const t of chosen) {
      await write('post_tags', copyLine([id, tags[t].id, position++]));
      if (!draft) tagCounts[t]++;
    }
    await write('post_authors', copyLine([id, authors[Math.floor(random() * authors.length)].id, 0]));
    if (!draft) {
      published++;
      newestPublished = slug;
    }
    if (log && i > 0 && i % 10000 === 0) log(`  generated ${i} posts (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const s of Object.values(streams)) s.gzip.end();
  await Promise.all(Object.values(streams).map((s) => s.done));
  // A mid-popularity tag for the tag-filtered case (the most popular one would be close to the plain list).
  const byCount = tags.map((t, i) => ({ slug: t.slug, count: tagCounts[i] })).sort((a, b) => b.count - a.count);
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    size,
    published,
    drafts: size - published,
    tags: tags.length,
    authors: authors.length,
    articleSlug: newestPublished,
    filterTag: byCount[5].slug,
    filterTagPosts: byCount[5].count,
    searchWord: COMMON_SEARCH_WORD,
    authorSlugs: authors.map((a) => a.slug),
    tagSlugs: tags.map((t) => t.slug),
    generationSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  renameSync(tmp, dir);
  return { ...manifest, dir, cached: false };
}

const COLUMNS = {
  authors: ['id', 'slug', 'name', 'bio'],
  tags: ['id', 'slug', 'name', 'description'],
  posts: [
    'id', 'slug', 'title', 'markdown', 'html', 'plaintext', 'toc', 'excerpt', 'status', 'published_at', 'featured',
    'word_count', 'image_count', 'reading_time_seconds', 'reading_time_minutes', 'created_at', 'updated_at',
  ],
  post_tags: ['post_id', 'tag_id', 'position'],
  post_authors: ['post_id', 'author_id', 'position'],
};

async function copyIn(client, dir, table) {
  const sql = `COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN`;
  await pipeline(createReadStream(join(dir, `${table}.copy.gz`)), createGunzip(), client.query(copyStreams.from(sql)));
}

/**
 * The big tables in chunks of `linesPerChunk` rows, one COPY statement per chunk, spread over the
 * given connections: parsing and the per-statement triggers (search documents) then use every core.
 */
async function copyInParallel(clients, dir, table, linesPerChunk, setup, log) {
  let copied = 0;
  let reported = 0;
  const sql = `COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN`;
  const lines = createInterface({ input: createReadStream(join(dir, `${table}.copy.gz`)).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let done = false;
  // One reader feeds every connection; `nextChunk` calls are serialised through this promise chain.
  let reading = Promise.resolve();
  const nextChunk = () => {
    const chunk = reading.then(async () => {
      const rows = [];
      while (!done && rows.length < linesPerChunk) {
        const { value, done: end } = await iterator.next();
        if (end) done = true;
        else rows.push(value);
      }
      return rows;
    });
    reading = chunk.then(() => undefined);
    return chunk;
  };
  await Promise.all(
    clients.map(async (client) => {
      for (;;) {
        const rows = await nextChunk();
        if (rows.length === 0) return;
        await client.query('BEGIN');
        if (setup) await client.query(setup);
        const stream = client.query(copyStreams.from(sql));
        stream.end(rows.join('\n') + '\n');
        await finished(stream);
        await client.query('COMMIT');
        copied += rows.length;
        if (log && copied - reported >= 20_000) {
          reported = copied;
          log(`    ${table}: ${copied} rows`);
        }
      }
    }),
  );
}

/**
 * Loads the files into an empty, migrated database. The posts rows go in with triggers off
 * (session_replication_role = replica): their search documents include tag names, so the post_tags
 * trigger computes them once, after the links exist, instead of twice. Every other table is loaded
 * with its triggers on, so state the app keeps in triggers is built the app's way.
 */
export async function loadDataset(databaseUrl, dataset, log, parallel = 2) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const clients = [client];
  for (let i = 1; i < parallel; i++) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    clients.push(c);
  }
  const timings = {};
  const timed = async (name, fn) => {
    const t = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - t) / 1000;
    log?.(`  ${name}: ${timings[name]} s`);
  };
  try {
    await timed('copy authors, tags', async () => {
      await copyIn(client, dataset.dir, 'authors');
      await copyIn(client, dataset.dir, 'tags');
    });
    await timed('copy posts', () => copyInParallel(clients, dataset.dir, 'posts', 500, 'SET LOCAL session_replication_role = replica', log));
    await timed('copy post_tags (search documents by trigger)', () => copyInParallel(clients, dataset.dir, 'post_tags', 1500, undefined, log));
    await timed('copy post_authors', () => copyIn(client, dataset.dir, 'post_authors'));
    await timed('vacuum analyze', () => client.query('VACUUM (ANALYZE)'));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return timings;
}

/** A stable short hash of the committed migrations (recorded in results so runs can be compared). */
export function migrationsHash(root) {
  const h = createHash('sha256');
  const dir = join(root, 'prisma/migrations');
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const file = join(dir, name, 'migration.sql');
    if (existsSync(file)) h.update(name).update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 12);
}
