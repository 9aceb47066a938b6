import { applyDecorators, CallHandler, CanActivate, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata, UseGuards, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { carriesPreviewToken, PREVIEW_QUERY_PARAM, PREVIEWABLE } from './preview-request';

/** What answers previews (provided by the previews module): the REST answer, and the GraphQL interceptor. */
export interface PreviewAnswers extends NestInterceptor {
  /** The body of a REST preview answer (its headers set on `res`), or undefined for the ordinary public read. */
  rest(kind: string, req: Request, res: Response): Promise<unknown>;
}

export const PREVIEW_ANSWERS = Symbol.for('byline:preview-answers');

/**
 * A REST preview, answered past the handler: thrown by the preview guard, rendered as a 200 by the global
 * filter (as `MovedPermanently` is as a 301), with the headers the answer set.
 */
export class PreviewAnswer {
  constructor(readonly body: unknown) {}
}

/**
 * Put on each previewable REST read by `@Previewable()`. A request without a preview token costs one
 * check; one with a valid token for the document is answered here. A guard rather than an interceptor:
 * Nest wraps every call of an intercepted route in an rxjs pipeline and two async resources, ~20% of the
 * CPU of a post read by slug (measured with `bench/probe.mjs c`), whether or not a token comes along.
 */
@Injectable()
export class PreviewGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PREVIEW_ANSWERS) private readonly answers: PreviewAnswers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!carriesPreviewToken(req)) return true;
    const kind = this.reflector.get<string>(PREVIEWABLE, context.getHandler());
    const body = await this.answers.rest(kind, req, context.switchToHttp().getResponse<Response>());
    if (body !== undefined) throw new PreviewAnswer(body);
    return true;
  }
}

/** Put on each previewable GraphQL query: a valid preview token replaces the resolver's result. */
@Injectable()
export class PreviewGate implements NestInterceptor {
  constructor(@Inject(PREVIEW_ANSWERS) private readonly answers: PreviewAnswers) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    return this.answers.intercept(context, next);
  }
}

/**
 * Marks a public single-document read (a REST route with an `:id` or `:slug` parameter, a GraphQL
 * query with an `id` or `slug` argument) that answers a valid preview token for that document with
 * its latest state. `kind` names the document kind the read serves (`post`, `page`): a token of a
 * document of another kind gets the public answer. Everything else ignores preview tokens. A GraphQL
 * query uses `PreviewableQuery`.
 */
export const Previewable = (kind: string = 'post') =>
  applyDecorators(
    SetMetadata(PREVIEWABLE, kind),
    UseGuards(PreviewGuard),
    ApiHeader({
      name: 'X-Preview-Token',
      required: false,
      description: `A draft preview token (\`bylp_…\`, from POST /api/admin/${kind}s/{id}/preview-links). Valid for this ${kind}: ` +
        'its latest state, marked `X-Byline-Preview: 1`, `Cache-Control: private, no-store`. Otherwise the public answer.',
    }),
    ApiQuery({ name: PREVIEW_QUERY_PARAM, required: false, type: String, description: 'The same token as a query parameter, for links opened in a browser.' }),
  );

/** `Previewable` for a GraphQL query. */
export const PreviewableQuery = (kind: string = 'post') => applyDecorators(Previewable(kind), UseInterceptors(PreviewGate));
