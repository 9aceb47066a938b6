import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: rewrite(message, error) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// class-validator's whitelist message reads "property x should not exist"; say what it is.
function rewrite(message: string, error: ValidationError): string {
  return message.endsWith('should not exist') ? `unknown parameter "${error.property}"` : message;
}

/**
 * Most public reads come without a query string: `GET /api/posts/slug/x` validates `{}` against its
 * query class on every request, and class-transformer and class-validator walk that class's metadata to
 * find nothing to do. Whether `{}` passes, and what it becomes, depend only on the class, so the first
 * answer is kept per class and later empty queries get a fresh instance without the walk. A class for
 * which `{}` fails, or becomes anything other than what its constructor makes, keeps the full path.
 */
class ValidationPipeWithEmptyQueries extends ValidationPipe {
  private readonly emptyQueryIsNew = new Map<Type<unknown>, boolean>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (metadata.type !== 'query' || !metatype || !isEmptyPlainObject(value)) return super.transform(value, metadata);
    const known = this.emptyQueryIsNew.get(metatype);
    if (known) return new (metatype as new () => unknown)();
    const result = await super.transform(value, metadata);
    if (known === undefined) this.emptyQueryIsNew.set(metatype, sameAsNew(result, metatype as new () => object));
    return result;
  }
}

/** Whether `value` is an instance of `metatype` with exactly the own properties (and values) of `new metatype()`. */
function sameAsNew(value: unknown, metatype: new () => object): boolean {
  if (!(value instanceof metatype)) return false;
  const fresh = new metatype() as Record<string, unknown>;
  const keys = Object.keys(value);
  return keys.length === Object.keys(fresh).length && keys.every((key) => Object.hasOwn(fresh, key) && fresh[key] === (value as Record<string, unknown>)[key]);
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

/**
 * The global pipe: unknown fields and query parameters are rejected (never silently dropped),
 * values are transformed into their declared types, and failures become one VALIDATION_FAILED.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipeWithEmptyQueries({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const names = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
      return DomainError.validation(`Invalid input: ${names}.`, fieldErrors);
    },
  });
}
