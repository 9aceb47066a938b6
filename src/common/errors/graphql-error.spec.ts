import { GraphQLError } from 'graphql';
import { formatGraphQLError } from './graphql-error';

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
