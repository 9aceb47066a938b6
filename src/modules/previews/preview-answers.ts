import { CallHandler, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { one } from '../../common/http/envelopes';
import { pickFields } from '../../common/http/pick-fields';
import type { PreviewAnswers } from '../../common/preview/preview-gate';
import { PREVIEW_RESPONSE_HEADER, PREVIEWABLE, takePreviewToken } from '../../common/preview/preview-request';
import { createValidationPipe } from '../../common/validation/validation.pipe';
import { DOCUMENT_KINDS, type DocumentKind } from '../posts/domain/document-kind';
import type { BodyFormatName, PostField } from '../posts/domain/post-listing';
import { GetPostQuery } from '../posts/dto/get-post.query';
import { GetPageQuery } from '../posts/dto/list-pages.query';
import type { PostLoaders } from '../posts/posts.loaders';
import { DocumentPreview, PreviewsService, PreviewTarget } from './previews.service';

const PREVIEW_MARK = Symbol.for('byline:preview');

/** The query rules of each kind's single-document REST read (exhaustive: a new kind must name its own). */
const SINGLE_READ_QUERY: Record<DocumentKind, new () => { fields?: PostField[]; formats?: BodyFormatName[] }> = {
  post: GetPostQuery,
  page: GetPageQuery,
};

/** True for a document that a preview link is showing (GraphQL `Post.preview`, `Page.preview`). */
export function isPreview(post: object): boolean {
  return (post as Record<symbol, unknown>)[PREVIEW_MARK] === true;
}

/**
 * Answers a `@Previewable()` read with the latest state of its document when the request carries a
 * valid preview token for exactly that document: a REST read through the preview guard (`rest`), a
 * GraphQL query through the preview gate (`intercept`). Any other request (no token, an invalid, expired
 * or revoked one, or a token of another document) goes on to the ordinary public read, unchanged but for
 * `Cache-Control: private, no-store` (set by the cache layers for every request carrying a token).
 */
@Injectable()
export class PreviewAnswersService implements PreviewAnswers {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly reflector: Reflector,
    private readonly previews: PreviewsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.kindOf(this.reflector.get<string | undefined>(PREVIEWABLE, context.getHandler()));
    if (kind === undefined || context.getType<string>() !== 'graphql') return next.handle();
    return this.graphql(kind, context, next);
  }

  async rest(kind: string, req: Request, res: Response): Promise<unknown> {
    const documentKind = this.kindOf(kind);
    const token = takePreviewToken(req);
    if (documentKind === undefined || token === undefined) return undefined;
    const answer = await this.restPreview(documentKind, req, token);
    if (answer === undefined) return undefined;
    privateAnswer(req, res);
    res.setHeader(PREVIEW_RESPONSE_HEADER, '1');
    return answer;
  }

  private kindOf(kind: string | undefined): DocumentKind | undefined {
    if (kind === undefined) return undefined;
    if (!Object.hasOwn(DOCUMENT_KINDS, kind)) throw new Error(`@Previewable('${kind}') names no document kind`);
    return kind as DocumentKind;
  }

  private async restPreview(kind: DocumentKind, req: Request, token: string): Promise<unknown> {
    // The route's own query rules (unknown parameters and formats are 400s), as the public read applies them.
    const metatype = SINGLE_READ_QUERY[kind];
    const query = (await this.validation.transform(req.query, { type: 'query', metatype })) as InstanceType<typeof metatype>;
    const preview = await this.previews.read(token, kind, targetOf(req.params), query.formats ?? ['html']);
    return preview ? one(pickFields(marked(preview).document, query.fields)) : undefined;
  }

  private graphql(kind: DocumentKind, context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<{ req?: Request; res?: Response; loaders?: Partial<PostLoaders> }>();
    if (!ctx.req) return next.handle();
    const token = takePreviewToken(ctx.req);
    if (token === undefined) return next.handle();
    return from(this.previews.read(token, kind, targetOf(gql.getArgs()), [])).pipe(
      switchMap((preview) => {
        if (!preview) return next.handle();
        // Body fields of every kind resolve through the per-request loader, which reads published documents only.
        ctx.loaders?.body?.clear(preview.document.id).prime(preview.document.id, preview.body);
        return from([marked(preview).document]);
      }),
    );
  }
}

function targetOf(source: Record<string, unknown>): PreviewTarget {
  const pick = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
  return { id: pick('id'), slug: pick('slug') };
}

function marked(preview: DocumentPreview): DocumentPreview {
  Object.defineProperty(preview.document, PREVIEW_MARK, { value: true, enumerable: false });
  return preview;
}

/** No shared cache, no conditional answer: a draft is never a 304 against an ETag seen elsewhere. */
function privateAnswer(req: Request, res: Response): void {
  delete req.headers['if-none-match'];
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() === 'etag' ? res : setHeader(name, value)) as Response['setHeader'];
  res.setHeader('Cache-Control', 'private, no-store');
  res.vary('Authorization');
}

