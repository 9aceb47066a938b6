import type { Request, Response } from 'express';

/** What every resolver receives: the HTTP request and per-request batchers keyed by feature. */
export interface GraphQLContext<TLoaders = Record<string, unknown>> {
  req: Request;
  res: Response;
  loaders: TLoaders;
}
