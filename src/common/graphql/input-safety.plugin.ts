import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, isScalarType, Kind, ValueNode } from 'graphql';
import { findHostileInput } from '../validation/hostile-input';
import { parseIsoDate } from '../validation/iso-date';

const SUPPORTED_OPERATIONS = new Set(['query', 'mutation']);

/**
 * Checks what graphql-armor does not: the operation kind (Byline has no subscriptions; graphql-js would
 * otherwise fail at execution with an uncoded error) and the request's variables, with the same rule as
 * the REST pipe (no NUL, no lone surrogates, bounded nesting) before graphql-js coerces them recursively.
 * Arguments written inline in the document are checked by the global HostileInputPipe.
 */
export function inputSafetyPlugin(): ApolloServerPlugin {
  return {
    async serverWillStart({ schema }) {
      strictDateTime(schema);
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          if (operation && !SUPPORTED_OPERATIONS.has(operation.operation)) {
            throw new GraphQLError(`${operation.operation} operations are not supported; send a query or a mutation.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          const found = findHostileInput(request.variables ?? {}) ?? findHostileInput(request.extensions ?? {}, 'extensions');
          if (found) {
            throw new GraphQLError(`Invalid input: ${found.field} ${found.message}.`, {
              extensions: { code: 'BAD_USER_INPUT', errors: [found], http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (!date) throw new GraphQLError('DateTime must be an ISO-8601 date-time with an offset that exists on the calendar, e.g. 2026-03-01T09:00:00Z.');
  return date;
}

/**
 * Nest's DateTime scalar parses with `new Date()`, which rolls 2026-02-30 over to March 2. Inputs are
 * parsed strictly instead (the same rule as REST); output serialisation is unchanged.
 */
function strictDateTime(schema: GraphQLSchema): void {
  const type = schema.getType('DateTime');
  if (!isScalarType(type)) return;
  type.parseValue = parseDateTime;
  type.parseLiteral = (ast: ValueNode) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
}
