import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Json = Record<string, any>;
const DOC_ID = 'byline-openapi.json';

interface Route {
  path: string;
  pattern: RegExp;
  literalSegments: number;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks HTTP answers against the OpenAPI document: the status must be documented for the operation,
 * and a JSON body must validate against that response's schema (JSON Schema 2020-12, as OpenAPI 3.1 says).
 */
export class ResponseSchemaCheck {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Json) {
    // strict: false, because the document carries OpenAPI keywords (example, discriminator) beside JSON Schema.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, DOC_ID);
    this.routes = Object.keys(doc.paths)
      .map((path) => ({
        path,
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
        literalSegments: path.split('/').filter((s) => s && !s.startsWith('{')).length,
      }))
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** A description of what is wrong with this answer, or undefined when it is as documented. */
  check(method: string, url: string, status: number, contentType: string | undefined, body: Buffer): string | undefined {
    const [pathname, query = ''] = url.split('?');
    const route = this.routes.find((r) => r.pattern.test(pathname));
    const opMethod = method === 'HEAD' ? 'get' : method.toLowerCase();
    const op = route ? this.doc.paths[route.path][opMethod] : undefined;
    const where = `${method} ${url} → ${status}`;
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (!op) {
      // Undocumented routes (GraphQL, the docs UI, unknown paths): only an error body has a promised shape.
      if (mediaType === 'application/problem+json') return this.validate(where, '#/components/schemas/ProblemDetails', body);
      return undefined;
    }
    const responses = op.responses as Json;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!key) return `${where}: status ${status} is not documented for ${opMethod.toUpperCase()} ${route!.path}`;
    if (method === 'HEAD' || body.length === 0 || status < 200 || (status >= 300 && status < 400)) return undefined;
    const content = responses[key].content as Json | undefined;
    if (!content) return `${where}: a body is sent but none is documented`;
    if (!mediaType || !(mediaType in content)) return `${where}: content type ${mediaType} is not documented (${Object.keys(content).join(', ')})`;
    if (!content[mediaType].schema || !/[/+]json$/.test(mediaType)) return undefined;
    const pointer = `#/paths/${escapePointer(route!.path)}/${opMethod}/responses/${key}/content/${escapePointer(mediaType)}/schema`;
    // `fields=` returns only the named keys: the documented required properties of the resource may be absent.
    const sparse = new URLSearchParams(query).has('fields');
    return this.validate(where, pointer, body, sparse);
  }

  private validate(where: string, pointer: string, body: Buffer, sparse = false): string | undefined {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return `${where}: the body is not JSON`;
    }
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.getSchema(`${DOC_ID}${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      this.validators.set(pointer, validate);
    }
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? []).filter(
      (e: ErrorObject) => !(sparse && e.keyword === 'required' && e.instancePath.startsWith('/data')),
    );
    if (errors.length === 0) return undefined;
    return format(where, pointer, errors, value);
  }
}

function format(where: string, pointer: string, errors: ErrorObject[], value: unknown): string {
  const lines = errors.slice(0, 8).map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  return `${where}: body does not match ${pointer}\n${lines.join('\n')}\n  body: ${JSON.stringify(value).slice(0, 600)}`;
}

/**
 * Runs `onAnswer` for every answer the server sends. It wraps the raw ServerResponse (not an Express
 * middleware), so answers written before or outside Express (e.g. a response cache in front) are seen too.
 */
export function watchResponses(
  server: Server,
  onAnswer: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      collect(args[0], args[1]);
      return end(...args);
    }) as typeof res.end;
    res.once('finish', () => onAnswer(req, res, Buffer.concat(chunks)));
  });
}
