import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Path slugs: lowercase words and hyphens, at most 191 characters. */
@Injectable()
export class SlugPipe implements PipeTransform<string | undefined, string | undefined> {
  transform(value: string | null | undefined): string | undefined {
    // An optional GraphQL argument left out, or given as an explicit null: both mean "not given".
    if (value === undefined || value === null) return undefined;
    if (value.length > 191 || !SLUG.test(value)) {
      throw DomainError.validation('"slug" must be lowercase letters, digits and hyphens.', [
        { field: 'slug', message: 'invalid slug' },
      ]);
    }
    return value;
  }
}
