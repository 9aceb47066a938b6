import { Type } from '@nestjs/common';
import { Args, ID, Info, Query } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Public } from '../../common/auth/access.decorators';
import { DomainError } from '../../common/errors/domain-error';
import { toConnection } from '../../common/graphql/connection.mapper';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { PreviewableQuery } from '../../common/preview/preview-gate';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { DocumentFieldsResolver } from './document-fields.resolver';
import { declareParamType, DocumentTransportSpec } from './document-transport';
import { BODY_FORMATS, toPageRequest } from './domain/post-listing';
import type { PagesArgs } from './dto/pages.args';
import type { DocumentModel } from './models/post.model';

/** Whether the current field selects `field` directly (e.g. a connection's totalCount). */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  return info.fieldNodes.some((node) =>
    node.selectionSet?.selections.some((s) => s.kind === 'Field' && s.name.value === field),
  );
}

/**
 * The public queries of one document kind: `<plural>` (a connection) and `<noun>` (by id or slug), plus
 * the fields every document type resolves alike.
 */
export function DocumentsPublicResolver(
  spec: DocumentTransportSpec,
  types: { model: Type<DocumentModel>; connection: Type<unknown>; args: Type<PagesArgs> },
) {
  const { kind, noun } = spec;

  abstract class PublicDocumentQueries extends DocumentFieldsResolver(types.model, kind) {
    @Public()
    @Query(() => types.connection, { name: `${noun}s`, description: `Published ${noun}s, as a connection (cursor or page pagination).` })
    async list(@Args() args: PagesArgs, @Info() info: GraphQLResolveInfo) {
      const order = args.order;
      const result = await this.documents.listPublished({
        kind,
        filter: spec.filter(args.filter ?? {}),
        order,
        page: toPageRequest({ limit: args.first, page: args.page, cursor: args.after }, 'cursor'),
        withTotal: selects(info, 'totalCount'),
      });
      return toConnection(result, (doc) => this.documents.cursorFor(doc, order));
    }

    @Public()
    @PreviewableQuery(kind)
    @Query(() => types.model, {
      name: noun,
      nullable: true,
      description: `One published ${noun}, by id or slug (exactly one); null when there is none. Old slugs resolve to the ${noun}.`,
    })
    async one(
      @Info() info: GraphQLResolveInfo,
      @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
      @Args('slug', { nullable: true }, SlugPipe) slug?: string,
    ) {
      if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
      // The body formats selected right here come with the lookup (its toc always does); any other
      // (through a fragment, say) from the body loader.
      const formats = BODY_FORMATS.filter((format) => selects(info, format));
      return nullWhenMissing(
        id !== undefined ? this.documents.getPublishedById(id, formats, kind) : this.documents.getPublishedBySlug(slug!, formats, kind),
      );
    }
  }
  declareParamType(PublicDocumentQueries, 'list', 0, types.args);
  return PublicDocumentQueries;
}
