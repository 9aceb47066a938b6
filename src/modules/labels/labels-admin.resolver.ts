import { Type } from '@nestjs/common';
import { Args, ID, Mutation } from '@nestjs/graphql';
import { RequireScopes } from '../../common/auth/access.decorators';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { Actor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit.service';
import { declareParamTypes } from './declare-param-types';
import type { LabelsAdminService } from './labels-admin.service';

/** The mutations of one label kind: `create<Title>`, `update<Title>`, `delete<Title>`. */
export function LabelsAdminResolver<A, C, U>(
  types: { model: Type<A>; create: Type<C>; update: Type<U> },
  docs: { title: string; noun: string; create: string; update: string; delete: string },
) {
  const ifMatch = { type: () => String, nullable: true, description: `The ${docs.noun}'s current \`etag\` (required; PRECONDITION_FAILED when stale).` };

  abstract class LabelMutations {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    protected constructor(private readonly service: LabelsAdminService<any, any, any, any>) {}

    @RequireScopes('content:write')
    @Mutation(() => types.model, { name: `create${docs.title}`, description: docs.create })
    create(@Args('input', { type: () => types.create }) input: C, @Actor() actor: AuditActor) {
      return this.service.create(input, actor);
    }

    @RequireScopes('content:write')
    @Mutation(() => types.model, { name: `update${docs.title}`, description: docs.update })
    update(
      @Args('id', { type: () => ID }, UuidPipe) id: string,
      @Args('input', { type: () => types.update }) input: U,
      @Args('ifMatch', ifMatch) ifMatchValue: string | null,
      @Actor() actor: AuditActor,
    ) {
      return this.service.update(id, input, ifMatchValue, actor);
    }

    @RequireScopes('content:write')
    @Mutation(() => types.model, { name: `delete${docs.title}`, description: docs.delete })
    delete(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('ifMatch', ifMatch) ifMatchValue: string | null, @Actor() actor: AuditActor) {
      return this.service.delete(id, ifMatchValue, actor);
    }
  }
  declareParamTypes(LabelMutations as unknown as Type<unknown>, 'create', [types.create, Object]);
  declareParamTypes(LabelMutations as unknown as Type<unknown>, 'update', [String, types.update, Object, Object]);
  return LabelMutations;
}
