import request from 'supertest';
import type { TestApp } from './create-test-app';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: { code?: string; [k: string]: unknown } }[] | undefined;
}

/** POSTs a GraphQL operation the way a browser client would (JSON body, which passes CSRF prevention). */
export async function gql<T = Record<string, any>>(
  t: TestApp,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const res = await request(t.http).post('/graphql').set(headers).send({ query, variables });
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}
