import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { RETRY_AFTER_SECONDS } from './domain-error';
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
      ...httpExtension(normalized),
    },
  });
}

/**
 * Apollo Server sets the response's HTTP status and headers from `extensions.http` (and strips it
 * from the body). Only a 503 changes the status: a client or proxy must be able to retry it, and a
 * partial result of other fields means little while the database is gone.
 */
function httpExtension(normalized: NormalizedError): { http?: { status: number; headers: Map<string, string> } } {
  if (normalized.code !== ErrorCode.SERVICE_UNAVAILABLE) return {};
  const headers = new Map(Object.entries(normalized.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return { http: { status: 503, headers } };
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
  // Too late for extensions.http here (Apollo reads it before formatting); see unavailableStatusPlugin.
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

/**
 * Any GraphQL response carrying SERVICE_UNAVAILABLE answers HTTP 503 with Retry-After, also when the
 * failure did not pass through a resolver (a plugin, the context), where extensions.http is not set.
 */
export const unavailableStatusPlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (response.body.kind !== 'single') return;
      const errors = response.body.singleResult.errors ?? [];
      if (!errors.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) return;
      response.http.status = 503;
      if (!response.http.headers.has('retry-after')) response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
    },
  }),
};
