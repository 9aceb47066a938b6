import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-code';
import { NormalizedError, normalizeError } from './error-normalizer';

/** GraphQL spells validation failures the way Apollo clients expect. */
export function graphqlCode(code: ErrorCode): string {
  return code === ErrorCode.VALIDATION_FAILED ? 'BAD_USER_INPUT' : code;
}

export function toGraphQLError(normalized: NormalizedError, requestId: string | undefined): GraphQLError {
  return new GraphQLError(normalized.detail, {
    extensions: {
      code: graphqlCode(normalized.code),
      ...(normalized.errors ? { errors: normalized.errors } : {}),
      ...(requestId ? { requestId } : {}),
    },
  });
}

// Apollo's own codes for documents it rejects before our resolvers run.
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Last line of defence for GraphQL responses: known codes pass through, anything else becomes
 * a generic INTERNAL error, and stack traces never leave the process.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const known = typeof code === 'string' && (APOLLO_CLIENT_CODES.has(code) || code in ErrorCode);
  if (known) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = error instanceof GraphQLError ? error.originalError : error;
  // Apollo refuses some requests with a bare GraphQLError and an HTTP 4xx but no code (e.g. an APQ hash
  // that does not match the query): the caller's mistake, with a message written for callers.
  const httpStatus = (formatted.extensions?.http as { status?: number } | undefined)?.status ?? httpStatusOf(error);
  if (error instanceof GraphQLError && !original && httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
  }
  const normalized = normalizeError(original);
  return {
    message: normalized.detail,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: graphqlCode(normalized.code) },
  };
}

function httpStatusOf(error: unknown): number | undefined {
  return error instanceof GraphQLError ? (error.extensions?.http as { status?: number } | undefined)?.status : undefined;
}
