import { Type } from '@nestjs/common';
import { Args, ID, Query } from '@nestjs/graphql';
import { Public } from '../../common/auth/access.decorators';
import { DomainError } from '../../common/errors/domain-error';
import { toConnection } from '../../common/graphql/connection.mapper';
import { PageArgs } from '../../common/graphql/connection.types';
import { nullWhenMissing } from '../../common/graphql/null-when-missing';
import { SlugPipe } from '../../common/validation/slug.pipe';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import type { LabelKind } from './label-kind';
import type { LabelsService } from './labels.service';
import type { LabelModel } from './models/label.model';

/** The public queries of one label kind: `<plural>` (a connection) and `<singular>` (by id or slug). */
export function LabelsPublicResolver<M extends LabelModel>(
  types: { model: Type<M>; connection: Type<unknown> },
  names: { one: string; many: string; noun: string; list: string },
) {
  abstract class PublicLabelQueries {
    protected constructor(private readonly service: LabelsService<LabelKind, M>) {}

    @Public()
    @Query(() => types.connection, { name: names.many, description: names.list })
    async list(@Args() args: PageArgs) {
      return toConnection(await this.service.listPublic(args));
    }

    @Public()
    @Query(() => types.model, { name: names.one, nullable: true, description: `One ${names.noun}, by id or slug (exactly one of them); null when there is none.` })
    async one(
      @Args('id', { type: () => ID, nullable: true }, UuidPipe) id?: string,
      @Args('slug', { nullable: true }, SlugPipe) slug?: string,
    ) {
      if ((id === undefined) === (slug === undefined)) throw DomainError.validation('Give exactly one of "id" or "slug".');
      return nullWhenMissing(id !== undefined ? this.service.getPublicById(id) : this.service.getPublicBySlug(slug!));
    }
  }
  return PublicLabelQueries;
}
