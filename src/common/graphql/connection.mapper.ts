import { Paginated } from '../pagination/pagination.types';
import { ConnectionShape } from './connection.types';

/**
 * One mapping from the service's Paginated result to a GraphQL connection, for every listing. Edges (and
 * their cursors) are built when a query first reads them: most frontends select `nodes` only.
 */
export function toConnection<T>(result: Paginated<T>, cursorOf?: (item: T) => string): ConnectionShape<T> {
  const cursor = (item: T | undefined) => (item !== undefined && cursorOf ? cursorOf(item) : null);
  const pageInfo = result.cursor
    ? {
        hasNextPage: result.cursor.hasMore,
        hasPreviousPage: result.cursor.prevCursor !== null,
        startCursor: cursor(result.items[0]),
        endCursor: cursor(result.items.at(-1)),
      }
    : {
        hasNextPage: result.page?.next != null,
        hasPreviousPage: result.page?.prev != null,
        startCursor: null,
        endCursor: null,
      };
  let edges: ConnectionShape<T>['edges'] | undefined;
  return {
    get edges() {
      return (edges ??= result.items.map((node) => ({ node, cursor: cursor(node) })));
    },
    nodes: result.items,
    pageInfo,
    totalCount: result.total ?? null,
  };
}
