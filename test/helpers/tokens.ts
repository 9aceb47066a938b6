import type { Scope } from '../../src/common/auth/access.decorators';
import { ApiTokensService } from '../../src/modules/api-tokens/api-tokens.service';
import type { TestApp } from './create-test-app';

let counter = 0;

/**
 * Mints a real token through the service and returns its plaintext, for `Authorization: Bearer <token>`.
 * `expired` moves its expiry into the past; `revoked` revokes it: both must then be refused with 401.
 */
export async function issueToken(
  t: TestApp,
  scopes: Scope[],
  opts: { expired?: boolean; revoked?: boolean; name?: string } = {},
): Promise<string> {
  const service = t.app.get(ApiTokensService, { strict: false });
  const actor = { tokenId: null, requestId: null };
  const created = await service.create({ name: opts.name ?? `test token ${++counter}`, scopes }, actor);
  if (opts.expired) await service.setExpiry(created.id, new Date(Date.now() - 60_000));
  if (opts.revoked) await service.revoke(created.id, actor);
  return created.token;
}

/** `{ Authorization: 'Bearer …' }` for supertest's `.set()` and gql()'s headers. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
