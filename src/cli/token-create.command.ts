import { INestApplicationContext } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { SCOPES } from '../common/auth/access.decorators';
import { DomainError } from '../common/errors/domain-error';
import { ApiTokensService } from '../modules/api-tokens/api-tokens.service';
import { validateNewToken, type NewTokenRequest } from '../modules/api-tokens/domain/new-token';

export const TOKEN_CREATE_USAGE = `Usage: npm run token:create -- --name <name> --scopes <scope,scope> [--expires <90d|12h|30m|2w>]
Scopes: ${SCOPES.join(', ')}`;

/** A mistake on the command line: printed as it is, exit code 1. */
export class CliUsageError extends Error {}

function readable(error: DomainError): string {
  const lines = (error.errors ?? []).map((e) => `  --${e.field === 'expiresIn' ? 'expires' : e.field}: ${e.message}`);
  return [error.detail, ...lines].join('\n');
}

/** Parses and checks the arguments before any database is touched. */
export function parseTokenArgs(argv: string[], now = new Date()): NewTokenRequest {
  let values: { name?: string; scopes?: string; expires?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { name: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${TOKEN_CREATE_USAGE}`);
  }
  if (values.name === undefined || values.scopes === undefined) {
    throw new CliUsageError(`--name and --scopes are required.\n${TOKEN_CREATE_USAGE}`);
  }
  const request: NewTokenRequest = {
    name: values.name,
    scopes: values.scopes.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    expiresIn: values.expires ?? null,
  };
  try {
    validateNewToken(request, now);
  } catch (error) {
    if (error instanceof DomainError) throw new CliUsageError(`${readable(error)}\n${TOKEN_CREATE_USAGE}`);
    throw error;
  }
  return request;
}

/** Mints a token for `npm run token:create`; returns what to print (the token once, then a hint). */
export async function createTokenFromArgs(argv: string[], app: INestApplicationContext): Promise<string> {
  const request = parseTokenArgs(argv);
  const token = await app.get(ApiTokensService, { strict: false }).create(request, { tokenId: null, requestId: null });
  const expiry = token.expiresAt ? `expires ${token.expiresAt}` : 'never expires';
  return [
    token.token,
    `Token "${token.name}" (${token.scopes.join(', ')}; ${expiry}) is shown only this once: store it now and send it as "Authorization: Bearer <token>".`,
  ].join('\n');
}
