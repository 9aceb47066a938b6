import { Type } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../common/errors/domain-error';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { DOCUMENT_KINDS, type DocumentKind } from './domain/document-kind';
import { DocumentModel, PostBody, TocEntry } from './models/post.model';
import { PostLoaders } from './posts.loaders';
import { PostsService } from './posts.service';

type Ctx = GraphQLContext<PostLoaders>;

/**
 * The fields every document type resolves alike (url and the on-demand body formats), for the GraphQL
 * type `classRef` of `kind`. A public read carries its url (and a single document its body) already;
 * otherwise body fields go through the per-request body loader: one statement per request, whatever the
 * number of documents. Fast field resolvers (graphql-js's own arguments, no parameter decorators; see
 * PostsResolver): they run for every document of a list.
 */
export function DocumentFieldsResolver(classRef: Type<DocumentModel>, kind: DocumentKind) {
  const { label, urlPattern } = DOCUMENT_KINDS[kind];
  const pattern = urlPattern({ postUrlPattern: 'POST_URL_PATTERN', pageUrlPattern: 'PAGE_URL_PATTERN' });

  @Resolver(() => classRef, { isAbstract: true })
  abstract class DocumentFields {
    constructor(protected readonly documents: PostsService) {}

    @ResolveField(() => String, { description: `Where the ${kind} lives on the website (SITE_URL with ${pattern}).` })
    url(doc: DocumentModel): string {
      return doc.url ?? this.documents.urlOf(doc.slug, kind);
    }

    @ResolveField(() => String, { description: 'Sanitized HTML body.' })
    html(doc: DocumentModel, _args: unknown, ctx: Ctx) {
      return doc.html ?? this.body(doc, ctx).then((body) => body.html);
    }

    @ResolveField(() => String, { description: 'Plain-text body.' })
    plaintext(doc: DocumentModel, _args: unknown, ctx: Ctx) {
      return doc.plaintext ?? this.body(doc, ctx).then((body) => body.plaintext);
    }

    @ResolveField(() => String, { nullable: true, description: `Markdown source (null for HTML-authored ${kind}s).` })
    markdown(doc: DocumentModel, _args: unknown, ctx: Ctx) {
      return doc.markdown !== undefined ? doc.markdown : this.body(doc, ctx).then((body) => body.markdown);
    }

    @ResolveField(() => [TocEntry], { description: 'Table of contents: the headings of the body.' })
    toc(doc: DocumentModel, _args: unknown, ctx: Ctx) {
      return doc.toc ?? this.body(doc, ctx).then((body) => body.toc);
    }

    private async body(doc: DocumentModel, ctx: Ctx): Promise<PostBody> {
      const body = await ctx.loaders.body.load(doc.id);
      if (!body) throw DomainError.notFound(`${label} ${doc.id}`);
      return body;
    }
  }
  return DocumentFields;
}
