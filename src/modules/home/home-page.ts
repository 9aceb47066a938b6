/** Where a newcomer goes from `GET /`: every entry point of the API, as site-relative paths. */
export const HOME_LINKS = {
  docs: { href: '/api/docs', title: 'REST API reference (Swagger UI)' },
  graphql: { href: '/graphql', title: 'GraphQL endpoint and IDE' },
  openapi: { href: '/api/openapi.json', title: 'OpenAPI 3.1 document' },
  posts: { href: '/api/posts', title: 'Published posts (REST)' },
  pages: { href: '/api/pages', title: 'Published pages: About, Contact, ... (REST)' },
  healthLive: { href: '/health/live', title: 'Liveness check' },
  healthReady: { href: '/health/ready', title: 'Readiness check (database and migrations)' },
} as const;

export interface HomeDocument {
  name: string;
  description: string;
  links: Record<keyof typeof HOME_LINKS, { href: string; title: string }>;
}

export const HOME_DOCUMENT: HomeDocument = {
  name: 'Byline',
  description: 'A headless CMS API for blogs: REST under /api, GraphQL at /graphql.',
  links: HOME_LINKS,
};

// Static text only (no request data), so nothing here needs escaping.
export const HOME_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Byline API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{font-size:.9em}</style>
</head>
<body>
<h1>Byline API</h1>
<p>${HOME_DOCUMENT.description}</p>
<ul>
${Object.values(HOME_LINKS)
  .map(({ href, title }) => `<li><a href="${href}"><code>${href}</code></a>: ${title}</li>`)
  .join('\n')}
</ul>
</body>
</html>
`;
