import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLField, GraphQLInputType, GraphQLObjectType, GraphQLSchema,
  isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType, type IntrospectionQuery,
} from 'graphql';
import request from 'supertest';
import { SCOPES } from '../../../src/common/auth/access.decorators';
import { ErrorCode } from '../../../src/common/errors/error-code';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { contentDigest, deepJson, fuzzBudget, fuzzSeed, fuzzTimeBudgetMs, hostileValue, LEAK, roundRobin, runRounds } from './fuzz-support';

// Budgeted for a loaded 2-core machine; a fast one finishes in a fraction of this.
const FUZZ_TIMEOUT_MS = 300_000;

// What a client may see: Apollo's request-level codes and our domain codes, never INTERNAL.
const ALLOWED_CODES = new Set<string>([
  'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL && c !== ErrorCode.VALIDATION_FAILED),
]);

interface FuzzOperation {
  mutation: boolean;
  body: string;
  headers: Record<string, string>;
}

/** A GraphQL literal for `value` (lone surrogates escaped, so that the document itself stays valid text). */
function literal(value: unknown, enumLike = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (enumLike && /^[A-Za-z_]\w*$/.test(value)) return value;
    return JSON.stringify(value).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, enumLike)).join(', ')}]`;
  const fields = Object.entries(value as object).filter(([k]) => /^[A-Za-z_]\w*$/.test(k));
  return `{ ${fields.map(([k, v]) => `${k}: ${literal(v, enumLike)}`).join(', ')} }`;
}

describe('GraphQL fuzzer generated from the served schema', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await issueToken(t, [...SCOPES], { name: 'fuzzer' });
  });
  afterAll(() => t.close());

  it('answers every mutated query and mutation without INTERNAL or a 5xx, leaks nothing and changes nothing when refusing', async () => {
    const seed = fuzzSeed();
    const budget = fuzzBudget(1000);
    console.log(`GraphQL fuzzer: FUZZ_SEED=${seed} FUZZ_REQUESTS=${budget}`);

    const post = await createDraft(t, token, { tags: ['fuzz-tag'] });
    await request(t.http).post(`/api/admin/posts/${post.id}/publish`).set(bearer(token)).set('If-Match', post.etag).send({}).expect(200);
    const draft = await createDraft(t, token);
    const ids = [post.id, draft.id, '00000000-0000-4000-8000-000000000000'];
    const strings = ['fuzz-tag', post.post.slug, draft.post.slug, 'Hello', `"${draft.id}:1"`, post.etag];

    const introspection = await request(t.http).post('/graphql').send({ query: getIntrospectionQuery() }).expect(200);
    const schema: GraphQLSchema = buildClientSchema(introspection.body.data as IntrospectionQuery);

    /** A plausible value of `type`: what a client would send, so that one hostile leaf is what gets judged. */
    const plausible = (type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> => {
      if (isNonNullType(type)) return plausible(type.ofType, depth);
      if (isListType(type)) return fc.array(plausible(type.ofType, depth + 1), { maxLength: 3 });
      if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
      if (isInputObjectType(type)) {
        if (depth > 3) return fc.constant({});
        const fields = Object.values(type.getFields());
        const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
        return fc.record(Object.fromEntries(fields.map((f) => [f.name, plausible(f.type, depth + 1)])), { requiredKeys: required });
      }
      switch (isScalarType(type) ? type.name : '') {
        case 'Int':
          return fc.integer({ min: -1, max: 50 });
        case 'Float':
          return fc.double({ min: 0, max: 10, noNaN: true });
        case 'Boolean':
          return fc.boolean();
        case 'ID':
          return fc.constantFrom(...ids);
        case 'DateTime':
          return fc.constantFrom('2026-03-01T09:00:00Z', '2020-01-01T00:00:00Z');
        default:
          return fc.oneof(fc.constantFrom(...strings), fc.string({ maxLength: 10 }));
      }
    };

    /** Replaces one leaf (or the whole value) with something hostile. */
    const mutate = (value: unknown): fc.Arbitrary<unknown> => {
      if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
        return fc.tuple(fc.constantFrom(...Object.keys(value)), fc.boolean()).chain(([key, deeper]) =>
          (deeper ? mutate((value as Record<string, unknown>)[key]) : hostileValue).map((v) => ({ ...(value as object), [key]: v })),
        );
      }
      return fc.oneof(hostileValue, fc.constantFrom(2 ** 31, -(2 ** 53), 1.5, '2026-02-30T00:00:00Z', 'NOT_AN_ENUM'));
    };

    const typeName = (type: GraphQLInputType): string => type.toString();

    const selection = (field: GraphQLField<unknown, unknown>): string => {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return '';
      const scalars = Object.values((named as GraphQLObjectType).getFields())
        .filter((f) => f.args.every((a) => !isNonNullType(a.type)) && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))))
        .slice(0, 4)
        .map((f) => f.name);
      return `{ __typename ${scalars.join(' ')} }`;
    };

    const operationsFor = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, count: number, opSeed: number): FuzzOperation[] => {
      const args = field.args;
      const arb = fc.record({
        values: fc.tuple(...args.map((a) => plausible(a.type))).chain((values) =>
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(values) },
            { weight: 4, arbitrary: args.length === 0 ? fc.constant(values) : fc.nat(args.length - 1).chain((i) => mutate(values[i]).map((v) => values.map((old, j) => (j === i ? v : old)))) },
          ),
        ),
        // Root fields without arguments (settings) have nothing to omit.
        omit: fc.subarray(args.map((a) => a.name), { maxLength: Math.min(1, args.length) }),
        asVariables: fc.boolean(),
        auth: fc.constantFrom('token', 'token', 'none', 'bad'),
      });
      return fc.sample(arb, { seed: opSeed, numRuns: count }).map((r) => {
        const present = args.map((a, i) => ({ a, v: r.values[i] })).filter(({ a, v }) => !r.omit.includes(a.name) && v !== undefined);
        let document: string;
        let variables: Record<string, unknown> | undefined;
        if (r.asVariables) {
          const defs = present.map(({ a }) => `$${a.name}: ${typeName(a.type)}`).join(', ');
          document = `${kind}${defs ? `(${defs})` : ''} { ${field.name}${present.length ? `(${present.map(({ a }) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${selection(field)} }`;
          variables = Object.fromEntries(present.map(({ a, v }) => [a.name, v]));
        } else {
          const argText = present.map(({ a, v }) => `${a.name}: ${literal(v, true)}`).join(', ');
          document = `${kind} { ${field.name}${argText ? `(${argText})` : ''} ${selection(field)} }`;
        }
        const headers: Record<string, string> = r.auth === 'token' ? bearer(token) : r.auth === 'bad' ? { Authorization: 'Bearer nope' } : {};
        return { mutation: kind === 'mutation', body: JSON.stringify({ query: document, variables }), headers };
      });
    };

    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, f })),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ({ kind: 'mutation' as const, f })),
    ];
    expect(fields.length).toBeGreaterThan(15);
    const perField = Math.max(5, Math.floor(budget / fields.length));
    const generated = roundRobin(fields.map(({ kind, f }, i) => operationsFor(kind, f, perField, seed + i)));
    // Request-level attacks that no argument can express.
    const raw = (body: string, mutation = false): FuzzOperation => ({ mutation, body, headers: bearer(token) });
    const requestLevel: FuzzOperation[] = [
      raw('{"query":"subscription { posts { totalCount } }"}'),
      raw(`{"query":"query($v: [String!]) { posts(first: 1, filter: { tag: $v }) { totalCount } }","variables":{"v":${deepJson(5000)}}}`),
      raw(`{"query":"{ __typename }","variables":{"__proto__":{"admin":true}},"extensions":${deepJson(3000)}}`),
      raw('[{"query":"{ __typename }"},{"query":"{ __typename }"}]'),
      raw(`{"query":"${'{ posts { nodes '.repeat(40)}${'} '.repeat(40)}"}`),
      raw('{"query":"mutation { createPost(input: { title: \\"\\\\u0000\\", markdown: \\"x\\" }) { id } }"}', true),
      raw('{"query":"{ post(id: \\"\\\\u0000\\") { id } }"}'),
      raw('{"query":123}'),
      raw('{"query":"{ a: __typename b: __typename c: __typename d: __typename e: __typename f: __typename g: __typename h: __typename i: __typename j: __typename k: __typename l: __typename m: __typename n: __typename o: __typename p: __typename }"}'),
    ];
    const operations = [...requestLevel, ...generated];

    const failures: string[] = [];
    let answered = 0;
    const check = (op: FuzzOperation, res: request.Response) => {
      const text = res.text ?? '';
      const fail = (reason: string) => failures.push(`${reason}: ${res.status} ${text.slice(0, 300)}\n    ${op.body.slice(0, 300)}`);
      if (res.status >= 500) return fail('5xx');
      if (LEAK.test(text)) return fail('leak');
      let body: { errors?: { extensions?: { code?: string } }[]; data?: unknown };
      try {
        body = JSON.parse(text);
      } catch {
        // REST-shaped refusals of the HTTP request itself (too large, not JSON) are problem+json.
        return /^application\/problem\+json/.test(String(res.headers['content-type'])) ? undefined : fail('not JSON');
      }
      if (res.headers['content-type']?.startsWith('application/problem+json')) return;
      for (const error of body.errors ?? []) {
        if (!ALLOWED_CODES.has(String(error.extensions?.code))) return fail(`code ${error.extensions?.code}`);
      }
      if (!body.errors) answered++;
    };
    const send = (op: FuzzOperation) => request(t.http).post('/graphql').set(op.headers).set('Content-Type', 'application/json').send(op.body);

    const started = Date.now();
    // Every field is hit at least twice; then operations go on until the time budget is spent.
    const sent = await runRounds(operations, {
      roundSize: 40,
      mustSend: requestLevel.length + fields.length * 2,
      deadline: started + fuzzTimeBudgetMs(),
      isWrite: (op) => op.mutation,
      read: async (op) => {
        check(op, await send(op));
      },
      // A refused mutation must have changed nothing.
      write: async (op) => {
        const before = await contentDigest(t);
        const res = await send(op);
        check(op, res);
        const refused = res.status >= 400 || (res.body?.errors?.length ?? 0) > 0;
        if (refused && (await contentDigest(t)) !== before) failures.push(`refused mutation changed stored content: ${res.text.slice(0, 200)}\n    ${op.body.slice(0, 300)}`);
      },
    });
    console.log(`GraphQL fuzzer: ${sent} of ${operations.length} operations over ${fields.length} fields in ${Date.now() - started} ms; ${answered} answered without errors, ${failures.length} failures (FUZZ_SEED=${seed})`);
    expect(failures.slice(0, 15)).toEqual([]);
  }, FUZZ_TIMEOUT_MS);
});
