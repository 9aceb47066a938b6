import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { assertSafeInput } from './hostile-input';

// Nest passes GraphQL resolver arguments with the numeric param type of @Args (GqlParamtype.ARGS).
const GRAPHQL_ARGS = 3;
const INPUT_TYPES = new Set<unknown>(['body', 'query', 'param', GRAPHQL_ARGS]);

/**
 * Runs before the ValidationPipe on every REST body, query and path parameter and every GraphQL argument:
 * NUL characters, lone surrogates and over-deep nesting are a VALIDATION_FAILED naming the field, before
 * any recursive transformer or the database sees them. GraphQL variables are checked earlier still, by
 * the input-safety plugin; both use `findHostileInput`.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (INPUT_TYPES.has(metadata.type)) assertSafeInput(value, metadata.data ?? '');
    return value;
  }
}
