import { Paginated } from '../pagination/pagination.types';
import { ConnectionShape } from './connection.types';

/** One mapping from the service's Paginated result to a GraphQL connection, for every listing. */
export function toConnection<T>(result: Paginated<T>, cursorOf?: (item: T) => string): ConnectionShape<T> {
  const edges = result.items.map((node) => ({ node, cursor: cursorOf ? cursorOf(node) : null }));
  const pageInfo = result.cursor
    ? {
        hasNextPage: result.cursor.hasMore,
        hasPreviousPage: result.cursor.prevCursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      }
    : {
        hasNextPage: result.page?.next != null,
        hasPreviousPage: result.page?.prev != null,
        startCursor: null,
        endCursor: null,
      };
  return { edges, nodes: result.items, pageInfo, totalCount: result.total ?? null };
}
