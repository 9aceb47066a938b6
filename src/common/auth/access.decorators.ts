import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';

/** Token scopes (see README "Editor API"). */
export const SCOPES = [
  'content:read',
  'content:write',
  'content:publish',
  'media:read',
  'media:write',
  'settings:write',
  'tokens:manage',
  'webhooks:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The caller, once a bearer token has been verified. Never carries the token itself. */
export interface AuthenticatedToken {
  id: string;
  name: string;
  scopes: Scope[];
}

/**
 * Every route and GraphQL field declares its access explicitly: `@Public()` or `@RequireScopes(...)`.
 * A test walks all of them and fails on an undeclared one.
 */
export const ACCESS_METADATA = 'byline:access';
export type AccessRule = { kind: 'public' } | { kind: 'scopes'; scopes: Scope[] };

export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(ACCESS_METADATA, { kind: 'scopes', scopes } satisfies AccessRule);

/** Where the guard stores the verified token on the request. */
export const TOKEN_REQUEST_KEY = 'bylineToken';

/** The verified token of the current request (REST or GraphQL), or undefined on public calls. */
export const CurrentToken = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedToken | undefined => {
  const req =
    context.getType<string>() === 'graphql'
      ? (context.getArgByIndex(2) as { req?: Record<string, unknown> })?.req
      : context.switchToHttp().getRequest<Record<string, unknown>>();
  return req?.[TOKEN_REQUEST_KEY] as AuthenticatedToken | undefined;
});
