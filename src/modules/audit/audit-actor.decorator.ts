import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedToken, TOKEN_REQUEST_KEY } from '../../common/auth/access.decorators';
import type { AuditActor } from './audit.service';

/** The caller's token id and the request id, on REST and GraphQL alike, for audit entries. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): AuditActor => {
  const req =
    context.getType<string>() === 'graphql'
      ? (context.getArgByIndex(2) as { req?: Record<string, unknown> })?.req
      : context.switchToHttp().getRequest<Record<string, unknown>>();
  const token = req?.[TOKEN_REQUEST_KEY] as AuthenticatedToken | undefined;
  const requestId = req?.id;
  return { tokenId: token?.id ?? null, requestId: requestId === undefined ? null : String(requestId) };
});
