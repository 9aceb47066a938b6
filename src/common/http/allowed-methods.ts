import type { Request } from 'express';

interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * The methods the router serves on this request's path (for 405 and its Allow header). Empty when
 * no route matches the path at all, which is a plain 404.
 */
export function allowedMethodsFor(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || typeof layer.match !== 'function') continue;
    const routeMethods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    // app.all() catch-alls are not real routes of the API.
    if (routeMethods.length === 0 || routeMethods.length > 10) continue;
    if (layer.match(req.path)) routeMethods.forEach((m) => methods.add(m.toUpperCase()));
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
