import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** The interceptor that answers a previewable read for a valid preview token (provided by the previews module). */
export const PREVIEW_ANSWERS = Symbol.for('byline:preview-answers');

/**
 * Put on exactly the reads that honour preview tokens by `@Previewable()`, rather than registered for
 * every route: a global interceptor costs each request of every route an rxjs pipeline and two async
 * resources, whether or not it has anything to do.
 */
@Injectable()
export class PreviewGate implements NestInterceptor {
  constructor(@Inject(PREVIEW_ANSWERS) private readonly answers: NestInterceptor) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    return this.answers.intercept(context, next);
  }
}
