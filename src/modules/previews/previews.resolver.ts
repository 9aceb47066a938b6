import { Type } from '@nestjs/common';
import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import type { DocumentKind } from '../posts/domain/document-kind';
import { DocumentModel, PageModel, PostModel } from '../posts/models/post.model';
import { CreatePreviewLinkInput } from './dto/create-preview-link.input';
import { CreatedPreviewLinkModel, PreviewLinkModel } from './models/preview-link.model';
import { isPreview } from './preview-answers';
import { PreviewsService } from './previews.service';

@Resolver(() => PreviewLinkModel)
export class PreviewLinksResolver {
  constructor(private readonly previews: PreviewsService) {}

  @RequireScopes('content:read')
  @Query(() => [PreviewLinkModel], { description: 'The preview links of a document (post or page), newest first, without their tokens (content:read).' })
  previewLinks(@Args('documentId', { type: () => ID }, UuidPipe) documentId: string) {
    return this.previews.list(documentId);
  }

  @RequireScopes('content:read')
  @Mutation(() => CreatedPreviewLinkModel, {
    description:
      'Create a draft preview link for one document, post or page (content:read); send its token as the X-Preview-Token header ' +
      'to post() or page(). Shown once.',
  })
  createPreviewLink(
    @Args('documentId', { type: () => ID }, UuidPipe) documentId: string,
    // Typed as the class (not `| null`) so the validation pipe sees it and applies its bounds.
    @Args('input', { type: () => CreatePreviewLinkInput, nullable: true }) input: CreatePreviewLinkInput,
    @Actor() actor: AuditActor,
  ) {
    return this.previews.create(documentId, undefined, input?.expiresIn ?? undefined, actor);
  }

  @RequireScopes('content:read')
  @Mutation(() => PreviewLinkModel, { description: 'Revoke a preview link (content:read); revoking twice is harmless.' })
  revokePreviewLink(@Args('id', { type: () => ID }, UuidPipe) id: string, @Actor() actor: AuditActor) {
    return this.previews.revoke(id, actor);
  }
}

/** `Post.preview`, `Page.preview`: whether the document is shown through a preview link (its latest, possibly unpublished, state). */
function DocumentPreviewResolver(classRef: Type<DocumentModel>, kind: DocumentKind) {
  @Resolver(() => classRef)
  class PreviewField {
    @ResolveField(() => Boolean, {
      description: `True when this is the latest state of the ${kind} shown through a preview link (X-Preview-Token); false for the public version.`,
    })
    // A fast field resolver (no parameter decorators; see PostsResolver): it runs for every document of a list.
    preview(doc: DocumentModel): boolean {
      return isPreview(doc);
    }
  }
  // Distinct provider names in Nest's logs and errors.
  Object.defineProperty(PreviewField, 'name', { value: `${kind === 'post' ? 'Post' : 'Page'}PreviewResolver` });
  return PreviewField;
}

export const PostPreviewResolver = DocumentPreviewResolver(PostModel, 'post');
export const PagePreviewResolver = DocumentPreviewResolver(PageModel, 'page');
