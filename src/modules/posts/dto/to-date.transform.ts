import { Transform } from 'class-transformer';
import { parseIsoDate } from '../../../common/validation/iso-date';

/**
 * Dates arrive as text: full ISO-8601 date-times (and, with `allowDateOnly`, calendar dates) that exist
 * on the calendar become Dates; anything else is left as it is for @IsDate to reject.
 */
export const ToDate = (options: { allowDateOnly?: boolean } = {}) =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseIsoDate(value, options.allowDateOnly) ?? value) : value));
