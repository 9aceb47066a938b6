import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error';

/** Path ids must be UUIDs: a malformed one is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string | undefined, string | undefined> {
  private readonly field = 'id';

  transform(value: string | null | undefined): string | undefined {
    // An optional GraphQL argument left out, or given as an explicit null: both mean "not given".
    if (value === undefined || value === null) return undefined;
    if (!isUUID(value)) {
      throw DomainError.validation(`"${this.field}" must be a UUID.`, [{ field: this.field, message: 'must be a UUID' }]);
    }
    return value.toLowerCase();
  }
}
