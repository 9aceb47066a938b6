// The ceiling: a bare node:http server that answers each benchmarked request with the exact bytes
// (status, headers, body) the API gave for it. Run as its own process; routes arrive over IPC.
import { createServer } from 'node:http';

const routes = new Map();

const server = createServer((req, res) => {
  const route = routes.get(`${req.method} ${req.url}`);
  // Request bodies (GraphQL) are read in full before answering, as the API must.
  req.on('data', () => {});
  req.on('end', () => {
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(route.status, route.headers);
    res.end(route.body);
  });
});
server.keepAliveTimeout = 60_000;

process.on('message', (message) => {
  if (message.type === 'routes') {
    routes.clear();
    for (const r of message.routes) routes.set(r.key, { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') });
    process.send({ type: 'routes-set', count: routes.size });
  }
});

server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
process.on('disconnect', () => process.exit(0));
