import fc from 'fast-check';
import { DomainError } from '../../../common/errors/domain-error';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';

describe('search cursor', () => {
  it('round-trips any finite rank exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.uuid(), fc.string({ minLength: 1 }), (rank, id, q) => {
        expect(decodeSearchCursor(q, encodeSearchCursor(q, { rank, id }), 'cursor')).toEqual({ rank: rank === 0 ? 0 : rank, id });
      }),
    );
  });

  it('rejects a cursor made for another query', () => {
    const cursor = encodeSearchCursor('long read', { rank: 0.1, id: '6f1c2a34-0000-4000-8000-000000000000' });
    expect(() => decodeSearchCursor('typography', cursor, 'cursor')).toThrow(DomainError);
  });
});
