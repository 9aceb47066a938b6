import type { Type } from '@nestjs/common';

/**
 * Handlers written once for every label kind take the kind's input class as a generic parameter, for
 * which TypeScript records only `Object`. The global ValidationPipe, Swagger and GraphQL read the
 * parameter types from this metadata, so the kind's factory states them.
 */
export function declareParamTypes(target: Type<unknown>, method: string, types: unknown[]): void {
  Reflect.defineMetadata('design:paramtypes', types, target.prototype as object, method);
}
