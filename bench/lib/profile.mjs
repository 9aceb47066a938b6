// Where an API process spends its CPU, from a V8 CPU profile: self time per layer (by sample count). Frames
// without a script (builtins such as JSON.stringify, native code) count for the layer that called them.
import { readFileSync } from 'node:fs';

const LAYERS = [
  ['Express + HTTP middleware', /\/node_modules\/(express|router|body-parser|raw-body|finalhandler|send|serve-static|on-finished|on-headers|qs|type-is|content-type|iconv-lite|accepts|negotiator|parseurl|path-to-regexp|etag|fresh|depd|vary|cors|compression|helmet|@nestjs\/platform-express|multer|statuses|http-errors|media-typer|mime-types|proxy-addr|forwarded|ipaddr\.js)\//],
  ['Nest core (routing, guards, pipes, interceptors)', /\/node_modules\/(@nestjs\/(core|common|throttler|terminus|swagger)|rxjs|reflect-metadata)\//],
  ['Apollo + graphql-js', /\/node_modules\/(@apollo|graphql|@as-integrations|@escape\.tech|@nestjs\/(graphql|apollo)|@graphql-tools|@whatwg-node|dataloader)\//],
  // The only WebAssembly in the app is Prisma's query compiler.
  ['Prisma client + query compiler', /(\/node_modules\/(@prisma|prisma)\/|\/generated\/prisma\/|^wasm:\/\/)/],
  ['pg driver', /\/node_modules\/(pg|pg-protocol|pg-types|pg-pool|pg-connection-string|postgres-[a-z]+|pgpass|buffer-writer|packet-reader)\//],
  ['logging (pino)', /\/node_modules\/(pino|pino-http|pino-std-serializers|sonic-boom|fast-redact|nestjs-pino|thread-stream|on-exit-leak-free|quick-format-unescaped|safe-stable-stringify)\//],
  ['validation (class-validator/transformer)', /\/node_modules\/(class-validator|class-transformer|validator|libphonenumber-js)\//],
  ['Byline code (dist/src)', /\/dist\/src\//],
  ['other dependencies', /\/node_modules\//],
  ['Node core (http, net, streams)', /^node:/],
];

function layerOf(frame) {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(program)') return 'V8/native (program)';
  if (!frame.url) return null;
  for (const [name, re] of LAYERS) if (re.test(frame.url)) return name;
  return 'other scripts';
}

/** { totalMs, busyMs, layers: [{ layer, ms, share }] } with shares of the busy (non-idle) time. */
export function summariseProfile(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layerCache = new Map();
  // Samples taken while the bench's own preload starts or stops the profiler are not the API's work.
  const inProfiler = new Map();
  const profilerFrame = (id) => {
    if (inProfiler.has(id)) return inProfiler.get(id);
    const own = byId.get(id).callFrame.url.includes('profile-preload');
    const result = own || (parent.has(id) && profilerFrame(parent.get(id)));
    inProfiler.set(id, result);
    return result;
  };
  const resolve = (id) => {
    if (layerCache.has(id)) return layerCache.get(id);
    if (profilerFrame(id)) {
      layerCache.set(id, 'idle');
      return 'idle';
    }
    let layer = layerOf(byId.get(id).callFrame);
    if (layer === null) layer = parent.has(id) ? resolve(parent.get(id)) : 'V8/native (program)';
    layerCache.set(id, layer);
    return layer;
  };
  const totals = new Map();
  const functions = new Map();
  let total = 0;
  // Every sample weighs the same (one sampling interval of CPU): on a busy machine the time deltas also
  // count the time the process waited for a core, and would inflate whatever ran after a wait.
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  profile.samples.forEach((id) => {
    const dt = interval;
    total += dt;
    const layer = resolve(id);
    totals.set(layer, (totals.get(layer) ?? 0) + dt);
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${f.lineNumber + 1} [${layer}]`;
    functions.set(key, (functions.get(key) ?? 0) + dt);
  });
  const busy = total - (totals.get('idle') ?? 0);
  const layers = [...totals.entries()]
    .filter(([layer]) => layer !== 'idle')
    .map(([layer, ms]) => ({ layer, ms: Math.round(ms), share: Math.round((ms / busy) * 1000) / 10 }))
    .sort((a, b) => b.ms - a.ms);
  const top = [...functions.entries()]
    .filter(([key]) => !key.endsWith('[idle]'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, ms]) => ({ fn, share: Math.round((ms / busy) * 1000) / 10 }));
  return { totalMs: Math.round(total), busyMs: Math.round(busy), layers, top };
}
