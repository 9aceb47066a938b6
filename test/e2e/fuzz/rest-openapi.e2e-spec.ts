import fc from 'fast-check';
import request from 'supertest';
import { SCOPES } from '../../../src/common/auth/access.decorators';
import { createDraft } from '../../helpers/admin-posts';
import { createTestApp, TestApp } from '../../helpers/create-test-app';
import { bearer, issueToken } from '../../helpers/tokens';
import { contentDigest, deepJson, encodeLoose, fuzzBudget, fuzzSeed, fuzzTimeBudgetMs, HOSTILE_STRINGS, hostileValue, LEAK, roundRobin, runRounds } from './fuzz-support';

// Budgeted for a loaded 2-core machine; a fast one finishes in a fraction of this.
const FUZZ_TIMEOUT_MS = 300_000;

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; oneOf?: Schema[]; allOf?: Schema[]; anyOf?: Schema[] };
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema & { enum?: string[] }> } };

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

describe('REST fuzzer driven by /api/openapi.json', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await issueToken(t, [...SCOPES], { name: 'fuzzer' });
  });
  afterAll(() => t.close());

  it('never answers 5xx, always answers problem+json with a documented code, leaks nothing and changes nothing when refusing', async () => {
    const seed = fuzzSeed();
    const budget = fuzzBudget(2000);
    console.log(`REST fuzzer: FUZZ_SEED=${seed} FUZZ_REQUESTS=${budget}`);

    // Real targets, so that some requests get past "not found" into validation and the services.
    const published = await createDraft(t, token, { tags: ['fuzz-tag'] });
    await request(t.http).post(`/api/admin/posts/${published.id}/publish`).set(bearer(token)).set('If-Match', published.etag).send({}).expect(200);
    const draft = await createDraft(t, token);
    const tag = await t.prisma.tag.findFirstOrThrow({ where: { slug: 'fuzz-tag' } });
    const author = (await request(t.http).post('/api/admin/authors').set(bearer(token)).send({ name: 'Fuzz Author' }).expect(201)).body.data;
    const hook = (await request(t.http).post('/api/admin/webhooks').set(bearer(token)).send({ url: 'https://hooks.example/x', events: ['post.published'] }).expect(201)).body.data;
    const ids = [published.id, draft.id, tag.id, author.id, hook.id, '00000000-0000-4000-8000-000000000000'];
    const slugs = [published.post.slug, draft.post.slug, 'fuzz-tag', author.slug, 'no-such-slug'];
    const etags = [published.etag, draft.etag, `"${draft.id}:1"`, '*', 'W/"x"', '"nope"'];

    const doc = (await request(t.http).get('/api/openapi.json').expect(200)).body as OpenApi;
    const schemas = doc.components?.schemas ?? {};
    const documentedCodes = new Set<string>(schemas.ErrorCode?.enum ?? (schemas.ProblemDetails?.properties?.code?.enum as string[]) ?? []);
    expect(documentedCodes.size).toBeGreaterThan(5);
    const deref = (s: Schema | undefined): Schema | undefined => (s?.$ref ? schemas[s.$ref.split('/').pop()!] : s);

    /** A value that fits the schema (so that the one hostile field is what gets judged). */
    const plausible = (schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
      const s = deref(schema);
      if (!s || depth > 4) return fc.constant('x');
      if (s.enum) return fc.constantFrom(...s.enum);
      const choices = s.oneOf ?? s.anyOf ?? s.allOf;
      if (choices) return plausible(choices[0], depth + 1);
      const type = Array.isArray(s.type) ? s.type[0] : s.type;
      if (type === 'object' || s.properties) {
        const props = Object.entries(s.properties ?? {});
        return fc.record(Object.fromEntries(props.map(([k, v]) => [k, plausible(v, depth + 1)])), { requiredKeys: [] });
      }
      if (type === 'array') return fc.array(plausible(s.items, depth + 1), { maxLength: 3 });
      if (type === 'integer' || type === 'number') return fc.integer({ min: -2, max: 120 });
      if (type === 'boolean') return fc.boolean();
      return fc.oneof(fc.constantFrom('fuzz-tag', 'Hello', 'https://example.com/a.png', '2026-03-01T09:00:00Z'), fc.string({ maxLength: 12 }));
    };

    /** A body: a plausible one with one field made hostile, or something that is not the shape at all. */
    const bodyArb = (schema: Schema | undefined): fc.Arbitrary<string> => {
      const fields = Object.keys(deref(schema)?.properties ?? { x: {} });
      return fc.oneof(
        { weight: 5, arbitrary: fc.tuple(plausible(schema), fc.constantFrom(...fields), hostileValue).map(([base, field, value]) => JSON.stringify({ ...(base as object), [field]: value })) },
        { weight: 1, arbitrary: plausible(schema).map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? 'null') },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            `{"${fields[0]}":${deepJson(3000)}}`,
            deepJson(6000),
            deepJson(500, '{"a":', '}'),
            `{"__proto__":{"admin":true},"${fields[0]}":"x"}`,
            `{"constructor":{"prototype":{"admin":true}}}`,
            `{"${fields[0]}":"\\u0000"}`,
            `{"${fields[0]}":"\\ud800"}`,
            `{"${fields[0]}":"x","${fields[0]}":{"$ne":null}}`,
            'not json',
            '{"a":',
            '',
            `{"${fields[0]}":"${'y'.repeat(1_200_000)}"}`,
          ),
        },
      );
    };

    const pathValue = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ids, ...slugs) },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 1, arbitrary: fc.constantFrom('1', '999999999999', '-5', '1.5', '0x10', ' 1') },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    );

    const queryArb = (params: Parameter[]): fc.Arbitrary<string> =>
      fc
        .tuple(
          fc.subarray(params),
          fc.array(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.integer().map(String), plausible(undefined).map(String)), { minLength: params.length, maxLength: params.length }),
          fc.subarray(['tag[$ne]=x', 'author[$gt]=', '__proto__[admin]=1', 'constructor[prototype][admin]=1', 'limit=1&limit=2', 'order=title:asc;DROP', 'unknown=1', `q=${encodeLoose("' OR ''='")}`], { maxLength: 2 }),
        )
        .map(([chosen, values, extras]) => [...chosen.map((p, i) => `${encodeURIComponent(p.name)}=${encodeLoose(String(values[i]))}`), ...extras].join('&'));

    const requestsFor = (path: string, method: string, op: Operation, count: number, opSeed: number): FuzzRequest[] => {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const editor = path.startsWith('/api/admin') || (op.security?.length ?? 0) > 0;
      const arb = fc.record({
        pathValues: fc.array(pathValue, { minLength: pathParams.length, maxLength: pathParams.length }),
        query: queryParams.length > 0 ? queryArb(queryParams) : fc.constant(''),
        body: op.requestBody ? bodyArb(bodySchema) : fc.constant(undefined),
        auth: editor ? fc.constantFrom('token', 'token', 'token', 'none', 'bad') : fc.constantFrom('none', 'none', 'bad'),
        ifMatch: fc.option(fc.constantFrom(...etags, ...HOSTILE_STRINGS.slice(0, 12)), { nil: undefined }),
        idempotencyKey: fc.option(fc.constantFrom('k1', 'x'.repeat(300), 'a\u0001b'), { nil: undefined }),
      });
      return fc.sample(arb, { seed: opSeed, numRuns: count }).map((r) => {
        let concrete = path;
        pathParams.forEach((p, i) => (concrete = concrete.replace(`{${p.name}}`, encodeLoose(String(r.pathValues[i])))));
        const headers: Record<string, string> = {};
        if (r.auth === 'token') Object.assign(headers, bearer(token));
        if (r.auth === 'bad') headers.Authorization = 'Bearer not-a-real-token';
        if (r.ifMatch !== undefined && !/[\u0000-\u001f\u007f-\uffff]/.test(r.ifMatch)) headers['If-Match'] = r.ifMatch;
        if (r.idempotencyKey !== undefined && !/[\u0000-\u001f]/.test(r.idempotencyKey)) headers['Idempotency-Key'] = r.idempotencyKey;
        return { method, path: concrete, query: r.query, headers, body: r.body };
      });
    };

    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const perOperation = Math.max(5, Math.floor(budget / operations.length));
    const all = roundRobin(operations.map(({ path, method, op }, i) => requestsFor(path, method, op, perOperation, seed + i)));

    const failures: string[] = [];
    let accepted = 0;
    const describeRequest = (r: FuzzRequest) => `${r.method.toUpperCase()} ${r.path}${r.query ? `?${r.query}` : ''} ${JSON.stringify(r.headers)} ${r.body?.slice(0, 200) ?? ''}`;

    const send = async (r: FuzzRequest) => {
      const url = r.query ? `${r.path}?${r.query}` : r.path;
      let req = request(t.http)[r.method as 'get'](url).set(r.headers).buffer(true).parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => done(null, text));
      });
      if (r.body !== undefined) req = req.set('Content-Type', 'application/json').send(r.body);
      return req;
    };

    const check = (r: FuzzRequest, res: request.Response) => {
      const text = String(res.body ?? '');
      const problem = (reason: string) => failures.push(`${reason}: ${res.status} ${text.slice(0, 300)}\n    ${describeRequest(r)}`);
      if (res.status >= 500) return problem('5xx');
      if (LEAK.test(text)) return problem('leak');
      if (res.status < 400) return void accepted++;
      if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) return problem('not problem+json');
      const body = JSON.parse(text) as { code?: string; status?: number };
      if (!documentedCodes.has(String(body.code))) return problem('undocumented code');
      if (body.status !== res.status) problem('status mismatch');
    };

    const started = Date.now();
    // Every operation is hit at least twice; then requests go on until the time budget is spent.
    const sent = await runRounds(all, {
      roundSize: 40,
      mustSend: operations.length * 2,
      deadline: started + fuzzTimeBudgetMs(),
      isWrite: (r) => WRITE_METHODS.has(r.method),
      read: async (r) => {
        check(r, await send(r));
      },
      // A refused write must have changed nothing.
      write: async (r) => {
        const before = await contentDigest(t);
        const res = await send(r);
        check(r, res);
        if (res.status >= 400 && (await contentDigest(t)) !== before) failures.push(`refused write changed stored content: ${res.status}\n    ${describeRequest(r)}`);
      },
    });
    console.log(`REST fuzzer: ${sent} of ${all.length} requests over ${operations.length} operations in ${Date.now() - started} ms; ${accepted} accepted, ${failures.length} failures (FUZZ_SEED=${seed})`);
    expect(failures.slice(0, 15)).toEqual([]);
  }, FUZZ_TIMEOUT_MS);
});
