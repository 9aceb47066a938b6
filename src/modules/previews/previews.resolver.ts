import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { PostModel } from '../posts/models/post.model';
import { CreatePreviewLinkInput } from './dto/create-preview-link.input';
import { CreatedPreviewLinkModel, PreviewLinkModel } from './models/preview-link.model';
import { isPreview } from './preview.interceptor';
import { PreviewsService } from './previews.service';

@Resolver(() => PreviewLinkModel)
export class PreviewLinksResolver {
  constructor(private readonly previews: PreviewsService) {}

  @RequireScopes('content:read')
  @Query(() => [PreviewLinkModel], { description: 'The preview links of a post, newest first, without their tokens (content:read).' })
  previewLinks(@Args('documentId', { type: () => ID }, UuidPipe) documentId: string) {
    return this.previews.list(documentId);
  }

  @RequireScopes('content:read')
  @Mutation(() => CreatedPreviewLinkModel, {
    description: 'Create a draft preview link for one post (content:read); send its token as the X-Preview-Token header. Shown once.',
  })
  createPreviewLink(
    @Args('documentId', { type: () => ID }, UuidPipe) documentId: string,
    // Typed as the class (not `| null`) so the validation pipe sees it and applies its bounds.
    @Args('input', { type: () => CreatePreviewLinkInput, nullable: true }) input: CreatePreviewLinkInput,
    @Actor() actor: AuditActor,
  ) {
    return this.previews.create(documentId, input?.expiresIn ?? undefined, actor);
  }

  @RequireScopes('content:read')
  @Mutation(() => PreviewLinkModel, { description: 'Revoke a preview link (content:read); revoking twice is harmless.' })
  revokePreviewLink(@Args('id', { type: () => ID }, UuidPipe) id: string, @Actor() actor: AuditActor) {
    return this.previews.revoke(id, actor);
  }
}

/** `Post.preview`: whether the post is shown through a preview link (its latest, possibly unpublished, state). */
@Resolver(() => PostModel)
export class PostPreviewResolver {
  @ResolveField(() => Boolean, {
    description: 'True when this is the latest state of the post shown through a preview link (X-Preview-Token); false for the public version.',
  })
  preview(@Parent() post: PostModel): boolean {
    return isPreview(post);
  }
}
