// A frontend's use of the public API through a client generated from /api/openapi.json
// (openapi-typescript types + openapi-fetch). Compiled with `tsc --strict` against the generated
// `./api.js` types by typed-client.e2e-spec.ts, then run against the live app; it prints what it read.
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const [baseUrl = '', postSlug = '', tagSlug = '', authorSlug = '', searchTerm = '', pageSlug = ''] = process.argv.slice(2);
const api = createClient<paths>({ baseUrl });

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

const list = must((await api.GET('/api/posts', { params: { query: { limit: 10, page: 1 } } })).data, 'post list');
const pageMeta = list.meta.pagination;
const total = 'total' in pageMeta ? pageMeta.total : -1;
const cursorList = must((await api.GET('/api/posts', { params: { query: { limit: 1, cursor: '' } } })).data, 'cursor list');
const cursorMeta = cursorList.meta.pagination;
const hasMore = 'hasMore' in cursorMeta ? cursorMeta.hasMore : null;

const bySlug = must((await api.GET('/api/posts/slug/{slug}', { params: { path: { slug: postSlug } } })).data, 'post').data;
const byId = must((await api.GET('/api/posts/{id}', { params: { path: { id: bySlug.id }, query: { formats: ['plaintext'] } } })).data, 'post by id').data;
const relatedBySlug = must((await api.GET('/api/posts/slug/{slug}/related', { params: { path: { slug: postSlug } } })).data, 'related');
const relatedById = must((await api.GET('/api/posts/{id}/related', { params: { path: { id: bySlug.id }, query: { limit: 5 } } })).data, 'related by id');

const tags = must((await api.GET('/api/tags', { params: { query: { limit: 50 } } })).data, 'tags');
const tag = must((await api.GET('/api/tags/slug/{slug}', { params: { path: { slug: tagSlug } } })).data, 'tag').data;
const tagById = must((await api.GET('/api/tags/{id}', { params: { path: { id: tag.id } } })).data, 'tag by id').data;

const authors = must((await api.GET('/api/authors', {})).data, 'authors');
const author = must((await api.GET('/api/authors/slug/{slug}', { params: { path: { slug: authorSlug } } })).data, 'author').data;
const authorById = must((await api.GET('/api/authors/{id}', { params: { path: { id: author.id } } })).data, 'author by id').data;

const pages = must((await api.GET('/api/pages', { params: { query: { limit: 10 } } })).data, 'pages');
const page = must((await api.GET('/api/pages/slug/{slug}', { params: { path: { slug: pageSlug } } })).data, 'page').data;
const pageById = must((await api.GET('/api/pages/{id}', { params: { path: { id: page.id }, query: { fields: ['title'] } } })).data, 'page by id').data;

const search = must((await api.GET('/api/search', { params: { query: { q: searchTerm, limit: 5 } } })).data, 'search');
const rss = must((await api.GET('/api/feed.xml', { parseAs: 'text' })).data, 'rss');
const jsonFeed = must((await api.GET('/api/feed.json', {})).data, 'json feed');
const sitemap = must((await api.GET('/api/sitemap.xml', { parseAs: 'text' })).data, 'sitemap');
const live = must((await api.GET('/health/live')).data, 'live');
const ready = must((await api.GET('/health/ready')).data, 'ready');
const settings = must((await api.GET('/api/settings', {})).data, 'settings').data;

const missing = await api.GET('/api/posts/slug/{slug}', { params: { path: { slug: 'no-such-post' } } });
const problem = missing.error;

const out = {
  listTitles: list.data.map((p) => p.title),
  listTotal: total,
  firstListTag: list.data[0]?.primaryTag?.name ?? null,
  cursorHasMore: hasMore,
  post: {
    title: bySlug.title,
    url: bySlug.url,
    html: bySlug.html ?? null,
    minutes: bySlug.readingTime.minutes,
    tagPostCount: bySlug.tags[0]?.postCount ?? null,
    primaryAuthor: bySlug.primaryAuthor?.name ?? null,
    publishedAt: bySlug.publishedAt,
    featureImage: bySlug.featureImage?.url ?? null,
  },
  byIdPlaintext: byId.plaintext ?? null,
  relatedTotal: relatedBySlug.meta.pagination.total,
  relatedTitles: relatedById.data.map((r) => `${r.title} (${r.primaryTag?.slug ?? '-'})`),
  tagNames: tags.data.map((t) => `${t.name}:${t.postCount}`),
  tagPages: tags.meta.pagination.pages,
  tag: { name: tag.name, postCount: tag.postCount, description: tag.description, sameById: tagById.slug === tag.slug },
  authorNames: authors.data.map((a) => a.name),
  author: { name: author.name, postCount: author.postCount, bio: author.bio, sameById: authorById.id === author.id },
  search: {
    total: search.meta.pagination.total,
    hasMore: search.meta.pagination.hasMore,
    hits: search.data.map((h) => ({
      type: h.type,
      title: (h.post ?? h.page)?.title,
      rank: h.rank > 0,
      snippet: h.snippet.includes('<mark>'),
      tags: h.post?.tags.map((t) => t.slug) ?? [],
    })),
  },
  page: { title: page.title, url: page.url, html: page.html ?? null, listTotal: pages.data.length, sameById: pageById.title === page.title },
  rssHasItem: rss.includes('<item>'),
  jsonFeedKeys: Object.keys(jsonFeed).sort(),
  sitemapHasUrl: sitemap.includes('<loc>'),
  live: live.status,
  ready: ready.status,
  settings: { title: settings.title, siteUrl: settings.siteUrl, menu: settings.primaryNavigation.map((item) => item.url ?? '-'), logo: settings.logo?.url ?? null },
  notFound: problem ? { status: problem.status, code: problem.code, title: problem.title } : null,
};
process.stdout.write(JSON.stringify(out));
