// A minimal equivalent of Byline's public list route on Nest 11, on either HTTP adapter
// (BENCH_ADAPTER=express|fastify): a global guard and interceptor like the app's, one SQL statement on a
// pg pool shaped for the wire (20 posts with tags aggregated), and a route that answers cached bytes.
// Only the adapter differs between the two runs; this is a measurement, not a port of the app.
require('reflect-metadata');
const { Controller, Get, Header, Injectable, Module, Query } = require('@nestjs/common');
const { APP_GUARD, APP_INTERCEPTOR, NestFactory } = require('@nestjs/core');
const { tap } = require('rxjs');
const pg = require('pg');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const LIST_SQL = `
  SELECT p.id, p.slug, p.title, p.excerpt, p.featured, p.published_at AS "publishedAt",
         p.reading_time_minutes AS "readingTimeMinutes", p.word_count AS "wordCount",
         coalesce((SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name) ORDER BY pt.position)
                   FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '[]') AS tags
  FROM posts p
  WHERE p.status = 'PUBLISHED' AND p.published_at <= now()
  ORDER BY p.published_at DESC, p.id DESC
  LIMIT $1`;

let cached;
let cachedText;

class ListController {
  async list(limit) {
    const { rows } = await pool.query({ name: 'bench-list', text: LIST_SQL, values: [Math.min(Number(limit ?? 15), 100)] });
    return { data: rows, meta: { pagination: { limit: rows.length } } };
  }
  cachedList() {
    // A string, not the Buffer: Nest's Express adapter sends any object, a Buffer included, through
    // res.json (a 56 KB Buffer became a JSON array of 56,000 numbers), where Fastify sends a Buffer as is.
    return cachedText;
  }
}
// Decorators applied by hand: this file runs as plain JavaScript.
Controller('api')(ListController);
const d = (name) => Object.getOwnPropertyDescriptor(ListController.prototype, name);
Get('posts')(ListController.prototype, 'list', d('list'));
Query('limit')(ListController.prototype, 'list', 0);
Get('cached')(ListController.prototype, 'cachedList', d('cachedList'));
Header('content-type', 'application/json; charset=utf-8')(ListController.prototype, 'cachedList', d('cachedList'));
Header('cache-control', 'public, max-age=60')(ListController.prototype, 'list', d('list'));

class AllowGuard {
  canActivate() {
    return true;
  }
}
Injectable()(AllowGuard);

class TimingInterceptor {
  intercept(context, next) {
    const started = process.hrtime.bigint();
    return next.handle().pipe(tap(() => void (process.hrtime.bigint() - started)));
  }
}
Injectable()(TimingInterceptor);

class AppModule {}
Module({
  controllers: [ListController],
  providers: [
    { provide: APP_GUARD, useClass: AllowGuard },
    { provide: APP_INTERCEPTOR, useClass: TimingInterceptor },
  ],
})(AppModule);

async function main() {
  const kind = process.env.BENCH_ADAPTER ?? 'express';
  const controller = new ListController();
  cachedText = JSON.stringify(await controller.list(20));
  cached = Buffer.from(cachedText);
  if (kind === 'bare') {
    // The same two routes on node:http alone: the ceiling both adapters are compared with.
    const server = require('node:http').createServer(async (req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/api/cached') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(cached);
        return;
      }
      const body = JSON.stringify(await controller.list(url.searchParams.get('limit')));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: server.address().port }));
    return;
  }
  let app;
  if (kind === 'fastify') {
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
  } else {
    app = await NestFactory.create(AppModule, { logger: false });
  }
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  process.send?.({ type: 'listening', port: address.port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
process.on('disconnect', () => process.exit(0));
