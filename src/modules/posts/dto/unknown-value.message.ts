import type { ValidationArguments } from 'class-validator';

/** An allow-list message that names the offending value(s), e.g. `unknown order "new"; allowed: a, b`. */
export function unknownValueMessage(what: string, allowed: readonly string[]) {
  return ({ value }: ValidationArguments): string => {
    const bad = (Array.isArray(value) ? value : [value]).filter((v) => !allowed.includes(v as string));
    return `unknown ${what} ${bad.map((v) => JSON.stringify(v)).join(', ')}; allowed: ${allowed.join(', ')}`;
  };
}
