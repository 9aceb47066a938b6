import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';

/**
 * For routes that take no query parameters: any parameter is a 400 naming it, the same answer the
 * global pipe gives for unknown ones (an empty DTO class cannot express this under forbidUnknownValues).
 */
@Injectable()
export class NoQueryPipe implements PipeTransform<Record<string, unknown>, Record<string, unknown>> {
  transform(query: Record<string, unknown>): Record<string, unknown> {
    const names = Object.keys(query ?? {});
    if (names.length === 0) return {};
    throw DomainError.validation(
      `Invalid input: ${names.join(', ')}.`,
      names.map((field) => ({ field, message: `unknown parameter "${field}"` })),
    );
  }
}
