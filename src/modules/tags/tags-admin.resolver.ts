import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { CreateTagInput } from './dto/create-tag.input';
import { UpdateTagInput } from './dto/update-tag.input';
import { AdminTagModel } from './models/admin-tag.model';
import { TagsAdminService } from './tags-admin.service';

const IF_MATCH = { type: () => String, nullable: true, description: 'The tag\'s current `etag` (required; PRECONDITION_FAILED when stale).' };

@Resolver(() => AdminTagModel)
export class TagsAdminResolver {
  constructor(private readonly tags: TagsAdminService) {}

  @RequireScopes('content:write')
  @Mutation(() => AdminTagModel, { description: 'Create a tag; the slug is generated from the name unless given (CONFLICT when taken).' })
  createTag(@Args('input') input: CreateTagInput, @Actor() actor: AuditActor) {
    return this.tags.create(input, actor);
  }

  @RequireScopes('content:write')
  @Mutation(() => AdminTagModel, { description: 'Change a tag; requires its current etag as `ifMatch`.' })
  updateTag(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateTagInput,
    @Args('ifMatch', IF_MATCH) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.tags.update(id, input, ifMatch, actor);
  }

  @RequireScopes('content:write')
  @Mutation(() => AdminTagModel, { description: 'Delete a tag and remove it from every post; returns the tag as it was.' })
  deleteTag(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('ifMatch', IF_MATCH) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.tags.delete(id, ifMatch, actor);
  }
}
