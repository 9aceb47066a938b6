import { Type } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../common/errors/domain-error';
import { GraphQLContext } from '../../common/graphql/graphql-context';
import { DOCUMENT_KINDS, type DocumentKind } from './domain/document-kind';
import { DocumentModel, PostBody, TocEntry } from './models/post.model';
import { PostLoaders } from './posts.loaders';
import { PostsService } from './posts.service';

type Ctx = GraphQLContext<PostLoaders>;

/**
 * The fields every document type resolves alike (url and the on-demand body formats), for the GraphQL
 * type `classRef` of `kind`. Body fields go through the per-request body loader: one statement per
 * request, whatever the number of documents.
 */
export function DocumentFieldsResolver(classRef: Type<DocumentModel>, kind: DocumentKind) {
  const { label, urlPattern } = DOCUMENT_KINDS[kind];
  const pattern = urlPattern({ postUrlPattern: 'POST_URL_PATTERN', pageUrlPattern: 'PAGE_URL_PATTERN' });

  @Resolver(() => classRef, { isAbstract: true })
  abstract class DocumentFields {
    constructor(protected readonly documents: PostsService) {}

    @ResolveField(() => String, { description: `Where the ${kind} lives on the website (SITE_URL with ${pattern}).` })
    url(@Parent() doc: DocumentModel): string {
      return this.documents.urlOf(doc.slug, kind);
    }

    @ResolveField(() => String, { description: 'Sanitized HTML body.' })
    async html(@Parent() doc: DocumentModel, @Context() ctx: Ctx) {
      return (await this.body(doc, ctx)).html;
    }

    @ResolveField(() => String, { description: 'Plain-text body.' })
    async plaintext(@Parent() doc: DocumentModel, @Context() ctx: Ctx) {
      return (await this.body(doc, ctx)).plaintext;
    }

    @ResolveField(() => String, { nullable: true, description: `Markdown source (null for HTML-authored ${kind}s).` })
    async markdown(@Parent() doc: DocumentModel, @Context() ctx: Ctx) {
      return (await this.body(doc, ctx)).markdown;
    }

    @ResolveField(() => [TocEntry], { description: 'Table of contents: the headings of the body.' })
    async toc(@Parent() doc: DocumentModel, @Context() ctx: Ctx) {
      return (await this.body(doc, ctx)).toc;
    }

    private async body(doc: DocumentModel, ctx: Ctx): Promise<PostBody> {
      const body = await ctx.loaders.body.load(doc.id);
      if (!body) throw DomainError.notFound(`${label} ${doc.id}`);
      return body;
    }
  }
  return DocumentFields;
}
