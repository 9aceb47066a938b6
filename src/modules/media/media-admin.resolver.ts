import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { toConnection } from '../../common/graphql/connection.mapper';
import { PageArgs } from '../../common/graphql/connection.types';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { UpdateMediaInput } from './dto/update-media.input';
import { MediaLibraryService } from './media-library.service';
import { MediaConnection, MediaItemModel } from './models/media-item.model';

const IF_MATCH = { type: () => String, nullable: true, description: 'The item\'s current `etag` (PRECONDITION_FAILED when stale).' };

/**
 * The media library over GraphQL. Uploads are REST only (`POST /api/admin/media`): GraphQL multipart
 * uploads need CSRF exceptions and stream handling the GraphQL endpoint deliberately does not have.
 */
@Resolver(() => MediaItemModel)
export class MediaAdminResolver {
  constructor(private readonly library: MediaLibraryService) {}

  @RequireScopes('media:read')
  @Query(() => MediaItemModel, { nullable: true, description: 'One media library item by id; null when there is none.' })
  mediaItem(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.library.find(id);
  }

  @RequireScopes('media:read')
  @Query(() => MediaConnection, { description: 'The media library, newest first.' })
  async media(@Args() args: PageArgs) {
    return toConnection(await this.library.list(args));
  }

  @RequireScopes('media:write')
  @Mutation(() => MediaItemModel, { description: 'Change alt text, caption or focal point (null clears one); requires the current etag as `ifMatch`.' })
  updateMedia(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateMediaInput,
    @Args('ifMatch', { ...IF_MATCH, description: 'The item\'s current `etag` (required; PRECONDITION_FAILED when stale).' }) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.library.update(id, input, ifMatch, actor);
  }

  @RequireScopes('media:write')
  @Mutation(() => MediaItemModel, {
    description: 'Delete a media item and its files; CONFLICT while a published post uses it unless `force`. Returns the item as it was.',
  })
  deleteMedia(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('force', { type: () => Boolean, defaultValue: false, description: 'Delete even while published posts use it.' }) force: boolean,
    @Args('ifMatch', IF_MATCH) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.library.delete(id, { force, ifMatch }, actor);
  }
}
