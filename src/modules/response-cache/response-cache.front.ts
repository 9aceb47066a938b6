import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as PinoInstance } from 'pino';
import { isShareable } from '../../common/http/cache-headers';
import { carriesPreviewToken } from '../../common/preview/preview-request';
import { requestIdFor } from '../../common/logging/logger-options';
import { CachedResponse, ResponseCacheService } from './response-cache.service';

/** GraphQL POST bodies up to this size are read here to form the cache key; larger ones go to the body parser. */
export const MAX_FRONT_BODY_BYTES = 64 * 1024;
/** Responses larger than this are not kept (a page of 100 full posts is well below it). */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** Read-your-writes must not hold a response hostage to a hung database. */
const REFRESH_DEADLINE_MS = 2000;

// Never replayed: per request, per connection, or recomputed for the bytes sent.
const HOP_HEADERS = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'set-cookie']);
const NOT_MODIFIED_HEADERS = new Set(['etag', 'cache-control', 'vary', 'content-location', 'expires']);
// A response that varies on anything else would need that header in the key.
const KEYED_VARY = new Set(['origin', 'accept', 'accept-encoding']);
/** RFC 5861: the errors a stale response may stand in for. */
const STALE_IF_ERROR_STATUSES = new Set([500, 502, 503, 504]);

const WRITE = Symbol.for('byline:write-request');
const SERVE_STALE = Symbol.for('byline:serve-stale');
const PENDING_BODY_ERROR = Symbol.for('byline:pending-body-error');

type Marked = Record<symbol, unknown>;

/** Set by the GraphQL layer on a mutation: its response waits for the generation to be re-read. */
export function markWrite(res: object): void {
  (res as Marked)[WRITE] = true;
}

/** Set by the GraphQL layer when a 200 carries a database-unavailable error: answer from the stale entry instead. */
export function markServeStale(res: object): void {
  (res as Marked)[SERVE_STALE] = true;
}

/**
 * The response cache at the very front of the HTTP server: a fresh entry for an anonymous public
 * read is written straight from its stored bytes, before Express routing, guards, interceptors or
 * the per-request logger exist. Everything else goes to the app; a miss is recorded as it is sent
 * and kept when the pipeline marked it shareable and it ended as a 200.
 */
export class ResponseCacheFront {
  private log: PinoInstance | undefined;

  constructor(private readonly cache: ResponseCacheService) {}

  /** Wraps the server's request listener (the Express app), so tests get the front too. */
  install(server: Server): void {
    const [app, ...others] = server.listeners('request') as RequestListener[];
    if (!app || others.length > 0) throw new Error('expected exactly one request listener on the HTTP server');
    server.removeListener('request', app);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res, app));
  }

  /** Express middleware, after the body parser: reports a GraphQL body the front could not parse as the parser would. */
  readonly pendingBodyErrors = (req: Request, _res: Response, next: NextFunction): void => {
    const error = (req as unknown as Marked)[PENDING_BODY_ERROR];
    next(error === undefined ? undefined : error);
  };

  private handle(req: IncomingMessage, res: ServerResponse, app: RequestListener): void {
    const method = req.method;
    if (method === 'GET' || method === 'HEAD') {
      // A token (API or preview) makes the answer private: never served from or stored in the cache.
      if (!this.cache.enabled || req.headers.authorization !== undefined || carriesPreviewToken(req)) return void app(req, res);
      const key = readKey(req);
      if (key === undefined) return void app(req, res);
      const entry = this.cache.fresh(key);
      if (entry) return this.sendHit(req, res, entry, method === 'HEAD');
      if (method === 'GET') this.record(req, res, key);
      return void app(req, res);
    }
    if (method === 'OPTIONS') return void app(req, res);
    const graphql = isGraphQLPath(req.url ?? '');
    this.refreshAfterWrite(res, graphql);
    if (method === 'POST' && graphql && this.cache.enabled && req.headers.authorization === undefined && !carriesPreviewToken(req) && frontReadable(req)) {
      // A failure of the front itself must never leave the request hanging or the rejection unhandled.
      return void this.handleGraphQLPost(req, res, app).catch(() => {
        if (!res.headersSent) res.destroy();
      });
    }
    app(req, res);
  }

  private async handleGraphQLPost(req: IncomingMessage, res: ServerResponse, app: RequestListener): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch {
      if (!res.headersSent) res.destroy();
      return;
    }
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      // As body-parser's strict mode: only objects and arrays.
      if (!/^[\s]*[{[]/.test(text)) throw new SyntaxError('Unexpected token at the start of the JSON body');
      body = JSON.parse(text);
    } catch (error) {
      // Handed on as body-parser would raise it, so it is answered like any other malformed body.
      (req as unknown as Marked)[PENDING_BODY_ERROR] = Object.assign(error as Error, {
        status: 400,
        statusCode: 400,
        type: 'entity.parse.failed',
        expose: true,
      });
      return void app(req, res);
    }
    // The body parser skips a request whose body has been read; Express sees the parsed body.
    (req as IncomingMessage & { body?: unknown }).body = body;
    const key = graphQLKey(req, body);
    if (key !== undefined) {
      const entry = this.cache.fresh(key);
      if (entry) return this.sendHit(req, res, entry, false, false);
      this.record(req, res, key);
    }
    app(req, res);
  }

  private sendHit(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, head: boolean, conditional = true): void {
    const requestId = requestIdFor(req, res);
    const ifNoneMatch = req.headers['if-none-match'];
    if (conditional && ifNoneMatch !== undefined && entry.etag !== undefined && etagMatches(ifNoneMatch, entry.etag)) {
      res.writeHead(304, entry.notModifiedHeaders);
      res.end();
    } else {
      res.writeHead(200, entry.headers);
      res.end(head ? undefined : entry.body);
    }
    this.logger()?.info({ reqId: requestId, method: req.method, url: req.url, statusCode: res.statusCode, cache: 'hit' }, 'cache hit');
  }

  /** Keeps a copy of what the app sends for `key`; stored at the end if shareable, or replaced by the stale entry on a 5xx. */
  private record(req: IncomingMessage, res: ServerResponse, key: string): void {
    const generation = this.cache.generation.current;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_ENTRY_BYTES) tooLarge = true;
      else chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      res.write = write;
      res.end = end;
      if (!res.headersSent && STALE_IF_ERROR_STATUSES.has(res.statusCode) || (res as unknown as Marked)[SERVE_STALE] === true) {
        const stale = this.cache.stale(key);
        if (stale && !res.headersSent) return this.sendStale(req, res, stale);
      }
      if (typeof chunk !== 'function') keep(chunk, rest[0]);
      if (!tooLarge && res.statusCode === 200 && isShareable(res)) {
        const entry = toEntry(res, generation, Buffer.concat(chunks, size));
        if (entry) this.cache.store(key, entry);
      }
      return (end as (...a: unknown[]) => ServerResponse).call(res, chunk, ...rest);
    }) as ServerResponse['end'];
  }

  /** RFC 5861 stale-if-error: the database failed this request, the last good answer stands in. */
  private sendStale(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): ServerResponse {
    for (const name of res.getHeaderNames()) if (name !== 'x-request-id') res.removeHeader(name);
    res.writeHead(200, entry.headers);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    this.logger()?.warn({ reqId: res.getHeader('x-request-id'), method: req.method, url: req.url, cache: 'stale-if-error' }, 'served a stale response');
    return res;
  }

  /**
   * Read-your-writes: once a write has succeeded, its response is held until this instance has read
   * the new content generation, so the caller's next read cannot be answered from an older one.
   */
  private refreshAfterWrite(res: ServerResponse, graphql: boolean): void {
    const end = res.end;
    res.end = ((...args: unknown[]) => {
      res.end = end;
      const wrote = res.statusCode < 400 && (!graphql || (res as unknown as Marked)[WRITE] === true);
      if (!wrote) return (end as (...a: unknown[]) => ServerResponse).apply(res, args);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, REFRESH_DEADLINE_MS)));
      void Promise.race([this.cache.generation.refresh(), deadline]).finally(() => {
        clearTimeout(timer);
        (end as (...a: unknown[]) => ServerResponse).apply(res, args);
      });
      return res;
    }) as ServerResponse['end'];
  }

  private logger(): PinoInstance | undefined {
    // The root pino logger exists once the app's logger module is set up; no serializers are involved.
    this.log ??= PinoLogger.root?.child({ context: 'ResponseCache' });
    return this.log;
  }
}

/** Installs the front on the app's HTTP server (from configureApp, so tests get it too). */
export function installResponseCacheFront(app: INestApplication): void {
  const front = new ResponseCacheFront(app.get(ResponseCacheService));
  front.install(app.getHttpServer() as Server);
  app.use(front.pendingBodyErrors);
}

function isGraphQLPath(url: string): boolean {
  return url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/');
}

/** The cache key of a GET: the URL, plus what the response may vary on (Origin for CORS lists). */
function readKey(req: IncomingMessage): string | undefined {
  const url = req.url ?? '/';
  // Media files are streamed from disk with their own immutable caching; keeping them here would evict API responses.
  if (url.startsWith('/media/')) return undefined;
  if (!isGraphQLPath(url)) return `${req.headers.origin ?? ''}\n${url}`;
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  const params = new URLSearchParams(url.slice(query + 1));
  try {
    return graphQLKey(req, {
      query: params.get('query') ?? undefined,
      operationName: params.get('operationName') ?? undefined,
      variables: parseJsonParam(params.get('variables')),
      extensions: parseJsonParam(params.get('extensions')),
    });
  } catch {
    return undefined; // malformed parameters: the app answers them
  }
}

/**
 * One key rule for GraphQL over GET and POST: the operation (query, name, variables, extensions), and
 * the Accept header (the media type of the answer depends on it).
 */
function graphQLKey(req: IncomingMessage, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (query !== undefined && typeof query !== 'string') return undefined;
  if (query === undefined && extensions === undefined) return undefined;
  let operation: string;
  try {
    operation = JSON.stringify([query ?? null, operationName ?? null, variables ?? null, extensions ?? null]);
  } catch {
    // Variables nested too deep to serialise: not cacheable; the pipeline refuses them with a 400.
    return undefined;
  }
  return `${req.headers.origin ?? ''}\n/graphql\n${req.headers.accept ?? ''}\n${operation}`;
}

function parseJsonParam(value: string | null): unknown {
  return value === null || value === '' ? undefined : JSON.parse(value);
}

/** A small JSON body with a declared length and a UTF-8 (or no) charset; anything else is the body parser's. */
function frontReadable(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length']);
  if (!Number.isInteger(length) || length <= 0 || length > MAX_FRONT_BODY_BYTES || req.headers['transfer-encoding'] !== undefined) return false;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim());
  if (mediaType !== 'application/json') return false;
  return parameters.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FRONT_BODY_BYTES) return reject(new Error('body larger than declared'));
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('aborted')));
  });
}

function toEntry(res: ServerResponse, generation: number, body: Buffer): CachedResponse | undefined {
  const headers: string[] = [];
  const notModifiedHeaders: string[] = [];
  const sent = res.getHeaders();
  if (sent['set-cookie'] !== undefined) return undefined;
  const vary = String(sent['vary'] ?? '');
  if (vary && vary.split(',').some((name) => !KEYED_VARY.has(name.trim().toLowerCase()))) return undefined;
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const v of values) {
      headers.push(name, v);
      if (NOT_MODIFIED_HEADERS.has(name)) notModifiedHeaders.push(name, v);
    }
  }
  headers.push('content-length', String(body.length));
  const etag = sent['etag'] === undefined ? undefined : String(sent['etag']);
  return { generation, storedAt: Date.now(), etag, headers, notModifiedHeaders, body };
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}
