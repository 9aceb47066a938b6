import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const requireFromHere = createRequire(__filename);
const GRAPHIQL_VERSION = (requireFromHere('graphiql/package.json') as { version: string }).version;

/** Where the IDE's files are served; the version in the path makes them safe to cache forever. */
export const GRAPHQL_IDE_ASSETS = `/graphql-ide/${GRAPHIQL_VERSION}`;

/** The installed package files the page loads: nothing comes from a CDN (these machines are offline). */
const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

// Through package.json: these bundles are not in the packages' export maps.
function packageFile(pkg: string, file: string): string {
  return join(dirname(requireFromHere.resolve(`${pkg}/package.json`)), file);
}

// Kept out of the HTML so the page runs under a CSP without 'unsafe-inline' scripts.
const BOOT_SCRIPT = `(function () {
  var url = document.getElementById('graphiql').getAttribute('data-endpoint');
  var fetcher = GraphiQL.createFetcher({ url: url });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: false })
  );
})();
`;

function page(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Byline GraphQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${GRAPHQL_IDE_ASSETS}/graphiql.css">
<link rel="stylesheet" href="${GRAPHQL_IDE_ASSETS}/page.css">
</head>
<body>
<div id="graphiql" data-endpoint="${endpoint}">Loading the GraphQL IDE…</div>
<script src="${GRAPHQL_IDE_ASSETS}/react.js"></script>
<script src="${GRAPHQL_IDE_ASSETS}/react-dom.js"></script>
<script src="${GRAPHQL_IDE_ASSETS}/graphiql.js"></script>
<script src="${GRAPHQL_IDE_ASSETS}/boot.js"></script>
</body>
</html>
`;
}

const PAGE_CSS = 'html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }\n';

/**
 * The page's own policy: scripts and styles from this origin only; GraphiQL sets inline style
 * attributes and loads fonts/images as data: URLs. Tokens go in the headers editor, never cookies.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function wantsHtml(req: Request): boolean {
  return req.method === 'GET' && req.query.query === undefined && req.query.extensions === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * GraphiQL for browsers at `GET /graphql` (a GET with a `query` parameter, or one that does not ask
 * for HTML, is still a GraphQL request), and its files under GRAPHQL_IDE_ASSETS.
 */
export function graphqlIde(endpoint = '/graphql'): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === endpoint && wantsHtml(req)) {
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(page(endpoint));
      return;
    }
    if (req.method !== 'GET' || !req.path.startsWith(`${GRAPHQL_IDE_ASSETS}/`)) return next();
    const name = req.path.slice(GRAPHQL_IDE_ASSETS.length + 1);
    const cacheForever = 'public, max-age=31536000, immutable';
    if (name === 'boot.js' || name === 'page.css') {
      res.setHeader('Cache-Control', cacheForever);
      res.type(name.endsWith('.js') ? 'application/javascript' : 'text/css').send(name === 'boot.js' ? BOOT_SCRIPT : PAGE_CSS);
      return;
    }
    const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!file) return next();
    res.sendFile(file, { maxAge: '365d', immutable: true, headers: { 'X-Content-Type-Options': 'nosniff' } });
  };
}
