import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { CreateAuthorInput } from './dto/create-author.input';
import { UpdateAuthorInput } from './dto/update-author.input';
import { AdminAuthorModel } from './models/admin-author.model';
import { AuthorsAdminService } from './authors-admin.service';

const IF_MATCH = { type: () => String, nullable: true, description: 'The author\'s current `etag` (required; PRECONDITION_FAILED when stale).' };

@Resolver(() => AdminAuthorModel)
export class AuthorsAdminResolver {
  constructor(private readonly authors: AuthorsAdminService) {}

  @RequireScopes('content:write')
  @Mutation(() => AdminAuthorModel, { description: 'Create an author profile; the slug is generated from the name unless given (CONFLICT when taken).' })
  createAuthor(@Args('input') input: CreateAuthorInput, @Actor() actor: AuditActor) {
    return this.authors.create(input, actor);
  }

  @RequireScopes('content:write')
  @Mutation(() => AdminAuthorModel, { description: 'Change an author; requires its current etag as `ifMatch`.' })
  updateAuthor(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateAuthorInput,
    @Args('ifMatch', IF_MATCH) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.authors.update(id, input, ifMatch, actor);
  }

  @RequireScopes('content:write')
  @Mutation(() => AdminAuthorModel, { description: 'Delete an author and remove them from every post; returns the author as they were.' })
  deleteAuthor(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('ifMatch', IF_MATCH) ifMatch: string | null,
    @Actor() actor: AuditActor,
  ) {
    return this.authors.delete(id, ifMatch, actor);
  }
}
