import { ValidationError, ValidationPipe } from '@nestjs/common';
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
 * The global pipe: unknown fields and query parameters are rejected (never silently dropped),
 * values are transformed into their declared types, and failures become one VALIDATION_FAILED.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
