import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/**
 * GraphQL single lookups answer `null` for something that does not exist (no error), so one missing
 * post on a page never nulls its siblings' data, as Apollo Client and urql expect. Other errors pass.
 */
export async function nullWhenMissing<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return null;
    throw error;
  }
}
