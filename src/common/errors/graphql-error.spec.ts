import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { normalizeError } from './error-normalizer';
import { formatGraphQLError, toGraphQLError, unavailableStatusPlugin } from './graphql-error';

const format = (error: GraphQLError) => formatGraphQLError({ message: error.message, extensions: error.extensions }, error);

describe('formatGraphQLError', () => {
  it('passes known client codes through without a stack trace', () => {
    const error = new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', stacktrace: ['at x'] } });
    expect(format(error)).toEqual({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  });

  it('turns a bare 4xx refusal from Apollo into BAD_REQUEST, keeping its message', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400, headers: new Map() } } });
    expect(format(error)).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('hides anything unexpected behind INTERNAL', () => {
    const error = new GraphQLError('boom', { originalError: new Error('connection refused at 10.0.0.5') });
    const formatted = format(error);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL' });
    expect(formatted.message).not.toContain('10.0.0.5');
  });
});

describe('GraphQL and an unavailable database', () => {
  it('reports a raw connection failure as SERVICE_UNAVAILABLE, not INTERNAL, without its detail', () => {
    const error = new GraphQLError('boom', { originalError: new Error('Connection terminated unexpectedly') });
    const formatted = format(error);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(formatted.message).not.toContain('Connection terminated');
  });

  it('asks Apollo for HTTP 503 with Retry-After when a resolver fails on the database', () => {
    const error = toGraphQLError(normalizeError(DomainError.unavailable('57P01: terminating connection')), 'req-1');
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('2');
  });

  it('leaves the status of other errors alone', () => {
    expect(toGraphQLError(normalizeError(DomainError.notFound('Post')), undefined).extensions.http).toBeUndefined();
  });

  it('turns any response carrying SERVICE_UNAVAILABLE into HTTP 503', async () => {
    const hooks = await unavailableStatusPlugin.requestDidStart!({} as never);
    const response = {
      body: { kind: 'single', singleResult: { errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } },
      http: { status: undefined as number | undefined, headers: new Map<string, string>() },
    };
    await hooks!.willSendResponse!({ response } as never);
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe('2');
  });
});
