import type { OpenAPIObject } from '@nestjs/swagger';
import { nameEnvelopes, toJsonSchema2020, toOpenApi31 } from './openapi-31';

const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas: {} } }) as unknown as OpenAPIObject;

describe('toJsonSchema2020', () => {
  it('turns nullable scalars, enums and references into 3.1 type arrays and null branches', () => {
    expect(toJsonSchema2020({ type: 'string', nullable: true, format: 'date-time' })).toEqual({ type: ['string', 'null'], format: 'date-time' });
    expect(toJsonSchema2020({ type: 'string', enum: ['A'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['A', null] });
    expect(toJsonSchema2020({ $ref: '#/X', nullable: true })).toEqual({ oneOf: [{ $ref: '#/X' }, { type: 'null' }] });
    expect(toJsonSchema2020({ type: 'object', nullable: true, allOf: [{ $ref: '#/X' }], description: 'd' })).toEqual({
      description: 'd',
      oneOf: [{ $ref: '#/X' }, { type: 'null' }],
    });
    expect(toJsonSchema2020({ properties: { a: { type: 'integer', nullable: false } } })).toEqual({ properties: { a: { type: 'integer' } } });
  });

  it('replaces a single-reference allOf by the reference', () => {
    expect(toJsonSchema2020({ allOf: [{ $ref: '#/E' }], description: 'd' })).toEqual({ $ref: '#/E', description: 'd' });
  });
});

describe('nameEnvelopes', () => {
  const one = { type: 'object', properties: { data: { $ref: '#/components/schemas/Post' } } };
  const many = { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Post' } }, meta: {} } };
  const ok = (schema: object) => ({ responses: { 200: { content: { 'application/json': { schema } } } } });

  it('moves single and list envelopes into named components', () => {
    const out = nameEnvelopes(doc({ '/a/{id}': { get: ok(one) }, '/b/{id}': { get: ok(one) }, '/a': { get: ok(many) } })) as any;
    expect(out.components.schemas.PostEnvelope).toEqual(one);
    expect(out.components.schemas.PostListEnvelope).toEqual(many);
    expect(out.paths['/b/{id}'].get.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PostEnvelope' });
  });

  it('refuses two different envelopes under one name', () => {
    const other = { ...many, properties: { ...many.properties, meta: { type: 'object' } } };
    expect(() => nameEnvelopes(doc({ '/a': { get: ok(many) }, '/b': { get: ok(other) } }))).toThrow(/PostListEnvelope/);
  });
});

describe('toOpenApi31', () => {
  it('marks operations without security as public and sets servers', () => {
    const out = toOpenApi31(doc({ '/a': { get: { responses: {} } }, '/b': { get: { security: [{ bearer: [] }], responses: {} } } }), [
      { url: '/', description: 'here' },
    ]) as any;
    expect(out.paths['/a'].get.security).toEqual([]);
    expect(out.paths['/b'].get.security).toEqual([{ bearer: [] }]);
    expect(out.servers).toEqual([{ url: '/', description: 'here' }]);
  });
});
