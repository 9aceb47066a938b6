import { DomainError } from '../errors/domain-error';

/**
 * Deepest nesting of objects and arrays any input may have. Real inputs nest 3–4 levels (a post's `seo`,
 * a GraphQL filter); the cap keeps recursive code downstream (class-transformer, graphql-js coercion)
 * far from the stack limit.
 */
export const MAX_INPUT_DEPTH = 32;

export interface HostileInput {
  /** Dotted path of the offending value, e.g. `input.tags[2]`. */
  field: string;
  message: string;
}

// U+0000 (PostgreSQL text and jsonb cannot store it) and UTF-16 surrogates without their partner
// (not valid Unicode; PostgreSQL rejects them in jsonb and they cannot be encoded as UTF-8).
const FORBIDDEN_CHARACTER = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badString(value: string): string | undefined {
  if (!FORBIDDEN_CHARACTER.test(value)) return undefined;
  return value.includes('\u0000') ? 'must not contain NUL characters (U+0000)' : 'must not contain unpaired UTF-16 surrogates';
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * Finds the first value no string field may hold: a NUL or a lone surrogate in a string or a key, or
 * nesting deeper than `maxDepth`. Iterative (an explicit stack), so any depth is inspected safely.
 */
export function findHostileInput(value: unknown, root = '', maxDepth = MAX_INPUT_DEPTH): HostileInput | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      const message = badString(v);
      if (message) return { field: item.path || 'body', message };
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v) || v instanceof Date) continue;
    seen.add(v);
    if (item.depth >= maxDepth) return { field: item.path || 'body', message: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: join(item.path, i), depth: item.depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const path = join(item.path, key);
      const keyMessage = badString(key);
      if (keyMessage) return { field: path, message: `has a key that ${keyMessage}` };
      stack.push({ value: (v as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

export function hostileInputError(found: HostileInput): DomainError {
  return DomainError.validation(`Invalid input: ${found.field} ${found.message}.`, [found]);
}

/** Throws VALIDATION_FAILED naming the field when `value` holds hostile input. */
export function assertSafeInput(value: unknown, root = ''): void {
  const found = findHostileInput(value, root);
  if (found) throw hostileInputError(found);
}
