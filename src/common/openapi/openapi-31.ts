import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `nullable: true` is OpenAPI 3.0; @nestjs/swagger still emits it in a 3.1 document. 3.1 is JSON Schema
 * 2020-12: a type array (`['string', 'null']`), or `oneOf` with `{ type: 'null' }` around a `$ref`.
 */
export function toJsonSchema2020(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema2020);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'nullable') out[key] = toJsonSchema2020(value);
  // `allOf` around a single `$ref` (the plugin's way to add a description to an enum): 3.1 allows `$ref` siblings.
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && isObject(out.allOf[0]) && out.allOf[0].$ref && !out.$ref && node.nullable !== true) {
    const { allOf, ...rest } = out;
    return { ...rest, $ref: (allOf as Json[])[0].$ref };
  }
  if (node.nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  // `{ $ref }` or `{ type: 'object', allOf: [{ $ref }] }` (what the plugin writes for a nullable class-typed property).
  if (out.$ref || out.allOf) {
    const { $ref, allOf, type: _type, ...rest } = out;
    const target = $ref ? { $ref } : Array.isArray(allOf) && allOf.length === 1 ? allOf[0] : { allOf };
    return { ...rest, oneOf: [target, { type: 'null' }] };
  }
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return out.type.includes('null') ? out : { ...out, type: [...out.type, 'null'] };
  return out;
}

const envelopeName = (schema: Json): string | undefined => {
  const data = isObject(schema.properties) ? schema.properties.data : undefined;
  if (!isObject(data)) return undefined;
  const ref = typeof data.$ref === 'string' ? data.$ref : isObject(data.items) && typeof data.items.$ref === 'string' ? data.items.$ref : undefined;
  if (!ref) return undefined;
  const model = ref.split('/').pop()!;
  return data.type === 'array' ? `${model}ListEnvelope` : `${model}Envelope`;
};

/**
 * Moves each `{ data: <Model> }` / `{ data: <Model>[], meta }` response schema into a named component
 * (`PostEnvelope`, `PostSummaryListEnvelope`), so generated clients get one type per envelope.
 */
export function nameEnvelopes(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> } | undefined;
      for (const response of Object.values(op?.responses ?? {})) {
        const media = response.content?.['application/json'];
        const schema = media?.schema;
        const name = schema && envelopeName(schema);
        if (!media || !schema || !name) continue;
        const existing = schemas[name];
        if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} answers a different ${name} than another operation`);
        }
        schemas[name] = schema;
        media.schema = { $ref: `#/components/schemas/${name}` };
      }
    }
  }
  return document;
}

/** Operations without a security requirement are public: say so explicitly (`security: []`). */
export function markPublicOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as { security?: unknown[] } | undefined;
      if (op && !op.security?.length) op.security = [];
    }
  }
  return document;
}

/** What @nestjs/swagger cannot express in a 3.1 document, fixed after it has built one. */
export function toOpenApi31(document: OpenAPIObject, servers: { url: string; description: string }[]): OpenAPIObject {
  const named = markPublicOperations(nameEnvelopes(document));
  return { ...(toJsonSchema2020(named) as OpenAPIObject), servers };
}
