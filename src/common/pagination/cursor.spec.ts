import fc from 'fast-check';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { Cursor, decodeCursor, encodeCursor } from './cursor';

const cursorArb: fc.Arbitrary<Cursor> = fc.record({
  order: fc.constantFrom('publishedAt:desc', 'publishedAt:asc', 'updatedAt:desc', 'title:asc', 'rank'),
  value: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  id: fc.uuid(),
  direction: fc.constantFrom('after' as const, 'before' as const),
});

describe('cursor codec', () => {
  it('round-trips every cursor', () => {
    fc.assert(
      fc.property(cursorArb, (cursor) => {
        expect(decodeCursor(encodeCursor(cursor), cursor.order)).toEqual(cursor);
      }),
    );
  });

  it('is opaque and URL-safe', () => {
    fc.assert(fc.property(cursorArb, (cursor) => expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/)));
  });

  it('refuses a cursor minted for another ordering', () => {
    fc.assert(
      fc.property(cursorArb, (cursor) => {
        expect(() => decodeCursor(encodeCursor(cursor), `${cursor.order}-other`)).toThrow(
          expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
        );
      }),
    );
  });

  it('answers any garbage with VALIDATION_FAILED and nothing else', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
      fc.tuple(fc.anything(), fc.anything(), fc.anything(), fc.anything()).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64url')),
    );
    fc.assert(
      fc.property(garbage, (raw) => {
        let decoded: Cursor | undefined;
        try {
          decoded = decodeCursor(raw, 'publishedAt:desc');
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
          expect((error as DomainError).errors).toEqual([{ field: 'cursor', message: 'invalid cursor' }]);
          return;
        }
        expect(decoded.order).toBe('publishedAt:desc');
        expect(['after', 'before']).toContain(decoded.direction);
        expect(typeof decoded.id).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('names the parameter it was given in the error', () => {
    expect(() => decodeCursor('%%%', 'title:asc', 'after')).toThrow(expect.objectContaining({ errors: [{ field: 'after', message: 'invalid cursor' }] }));
  });
});
