import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** PostgreSQL `integer`: a larger path number would fail in the database ("out of range") as a 500. */
export const MAX_INT4 = 2_147_483_647;

/** A path integer in [min, max]; anything else ("1.5", "1e3", 999999999999) is a 400 naming the parameter. */
export class IntParamPipe implements PipeTransform<string | number | undefined, number | undefined> {
  constructor(
    private readonly field: string,
    private readonly min = 1,
    private readonly max = MAX_INT4,
  ) {}

  // The global ValidationPipe may already have turned the text into a number (the handler declares one).
  transform(value: string | number | undefined): number | undefined {
    if (value === undefined) return value;
    const n = typeof value === 'number' ? value : /^-?\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < this.min || n > this.max) {
      throw DomainError.validation(`"${this.field}" must be an integer from ${this.min} to ${this.max}.`, [
        { field: this.field, message: `must be an integer from ${this.min} to ${this.max}` },
      ]);
    }
    return n;
  }
}
