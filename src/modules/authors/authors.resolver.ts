import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { toConnection } from '../../common/graphql/connection.mapper';
import { PageArgs } from '../../common/graphql/connection.types';
import { DomainError } from '../../common/errors/domain-error';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { AuthorConnection } from './models/author-connection.model';
import { AuthorModel } from './models/author.model';
import { AuthorsService } from './authors.service';
import { Public } from '../../common/auth/access.decorators';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';

@Resolver(() => AuthorModel)
export class AuthorsResolver {
  constructor(private readonly service: AuthorsService) {}

  @Public()
  @Query(() => AuthorConnection, { description: 'Authors with at least one published post, by name.' })
  async authors(@Args() args: PageArgs) {
    return toConnection(await this.service.listPublic(args));
  }

  @Public()
  @Query(() => AuthorModel, { nullable: true, description: 'One author, by id or slug (exactly one of them); null when there is none.' })
  async author(
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('slug', { nullable: true }, SlugPipe) slug?: string,
  ) {
    if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
    return nullWhenMissing(id !== undefined ? this.service.getPublicById(id) : this.service.getPublicBySlug(slug!));
  }
}
