import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, RETRY_AFTER_SECONDS } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/**
 * `starting`: the process serves, but the database has not been reached (or migrated) yet;
 * `ready`: normal service; `draining`: shutting down, in-flight requests are finishing.
 */
export type AvailabilityPhase = 'starting' | 'ready' | 'draining';

/** Where the process stands with its database; read by the readiness probe and the request gate. */
@Injectable()
export class DatabaseAvailability {
  // Ready by default: test apps and CLIs are built on a database that is already migrated.
  private current: AvailabilityPhase = 'ready';
  private readonly inFlight = new Set<Response>();

  get phase(): AvailabilityPhase {
    return this.current;
  }

  markStarting(): void {
    this.current = 'starting';
  }

  markReady(): void {
    if (this.current === 'starting') this.current = 'ready';
  }

  /** Readiness turns 503 at once, and every response still to be sent closes its connection. */
  drain(): void {
    this.current = 'draining';
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  /** Requests whose response has not finished yet. */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  track(res: Response): void {
    this.inFlight.add(res);
    res.once('close', () => this.inFlight.delete(res));
  }
}

/**
 * Before the database is first reachable, every request but the health probes is a 503 (REST problem
 * details, or a GraphQL error for /graphql); once draining, responses close their connections.
 */
@Injectable()
export class AvailabilityGateMiddleware implements NestMiddleware {
  constructor(private readonly availability: DatabaseAvailability) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.availability.track(res);
    const phase = this.availability.phase;
    if (phase === 'draining') res.setHeader('Connection', 'close');
    // originalUrl: req.path is relative to where Nest mounted this middleware.
    const path = req.originalUrl.split('?')[0];
    if (phase !== 'starting' || path.startsWith('/health/')) return next();
    const error = DomainError.unavailable('the database has not been reached since start');
    if (path === '/graphql' || path.startsWith('/graphql/')) {
      const body = JSON.stringify({ errors: [{ message: error.detail, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
      res.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.setHeader('Cache-Control', 'no-store');
      res.type('application/json').end(body);
      return;
    }
    next(error);
  }
}
