import { ValidateBy, ValidationOptions } from 'class-validator';
import { isValidSlug, SLUG_MAX_LENGTH } from './domain/slug';

/** class-validator rule for an explicitly given slug, using the same rule as generated ones. */
export function IsSlug(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSlug',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidSlug(value),
        defaultMessage: () => `slug must be lowercase letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters`,
      },
    },
    options,
  );
}
