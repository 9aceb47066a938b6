import { Transform } from 'class-transformer';

/** Query strings are text: strict integer parsing, so "10abc" or "1.5" fail validation instead of truncating. */
export const ToInt = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));

/** Only the literal words true/false; anything else is left for @IsBoolean to reject. */
export const ToBool = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** "a,b,c" → ['a','b','c'] (trimmed, empties dropped). A repeated parameter arrives as an array. */
export const ToList = () =>
  Transform(({ value }: { value: unknown }) => {
    const parts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
    if (!parts) return value;
    return parts.flatMap((p) => (typeof p === 'string' ? p.split(',') : [p])).map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '');
  });
