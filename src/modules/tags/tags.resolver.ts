import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { toConnection } from '../../common/graphql/connection.mapper';
import { PageArgs } from '../../common/graphql/connection.types';
import { DomainError } from '../../common/errors/domain-error';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { TagConnection } from './models/tag-connection.model';
import { TagModel } from './models/tag.model';
import { TagsService } from './tags.service';
import { Public } from '../../common/auth/access.decorators';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';

@Resolver(() => TagModel)
export class TagsResolver {
  constructor(private readonly service: TagsService) {}

  @Public()
  @Query(() => TagConnection, { description: 'Tags that label at least one published post, by name.' })
  async tags(@Args() args: PageArgs) {
    return toConnection(await this.service.listPublic(args));
  }

  @Public()
  @Query(() => TagModel, { nullable: true, description: 'One tag, by id or slug (exactly one of them); null when there is none.' })
  async tag(
    @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
    @Args('slug', { nullable: true }, SlugPipe) slug?: string,
  ) {
    if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
    return nullWhenMissing(id !== undefined ? this.service.getPublicById(id) : this.service.getPublicBySlug(slug!));
  }
}
