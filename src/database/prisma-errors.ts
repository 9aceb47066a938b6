import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { databaseUnavailableCause } from '../common/errors/database-unavailable';
import { describeCause } from '../common/errors/error-normalizer';

/** Known Prisma failures become domain errors; anything else is rethrown untouched (a 500). */
export function mapPrismaError(error: unknown, what = 'Resource'): never {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'P2002':
      throw new DomainError(ErrorCode.CONFLICT, `${what} conflicts with an existing one (a unique value is taken).`);
    case 'P2025':
    case 'P2001':
      throw DomainError.notFound(what);
    case 'P2003':
      throw DomainError.validation(`${what} refers to something that does not exist.`);
    default: {
      // Connection-class failures (down, restarting, timed out) are a 503 the client may retry.
      const unavailable = databaseUnavailableCause(error);
      if (unavailable) throw DomainError.unavailable(describeCause(unavailable));
      throw error;
    }
  }
}
