import { Transform } from 'class-transformer';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** JSON bodies carry dates as text: accept full ISO-8601 date-times only; anything else fails @IsDate. */
export const ToDate = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return value;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  });
