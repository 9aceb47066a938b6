import { ErrorCode } from '../../../common/errors/error-code';
import { toKeysetBound } from './keyset-bound';

const ID = '0b8f3c1e-5d2a-4c47-9a51-3f0e2b7d9c10';
const base = { order: 'publishedAt:desc', id: ID, direction: 'after' as const };

describe('toKeysetBound', () => {
  it('turns a date cursor into a Date bound and keeps a title as text', () => {
    expect(toKeysetBound({ ...base, value: '2024-03-01T09:00:00.000Z' }, 'publishedAt')).toEqual({
      value: new Date('2024-03-01T09:00:00.000Z'),
      id: ID,
      direction: 'after',
    });
    expect(toKeysetBound({ ...base, order: 'title:asc', value: '2024 notes' }, 'title').value).toBe('2024 notes');
  });

  it.each([
    ['a non-uuid id', { ...base, id: "x' OR 1=1", value: '2024-03-01T09:00:00.000Z' }, 'publishedAt'],
    ['a date that is not an ISO instant', { ...base, value: 'yesterday' }, 'publishedAt'],
    ['an impossible date', { ...base, value: '2024-02-31T25:00:00.000Z' }, 'updatedAt'],
    ['a null sort key', { ...base, value: null }, 'publishedAt'],
    ['a numeric sort key', { ...base, value: 12 }, 'title'],
  ] as const)('refuses %s with VALIDATION_FAILED', (_name, cursor, field) => {
    expect(() => toKeysetBound(cursor, field, 'after')).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED, errors: [{ field: 'after', message: 'invalid cursor' }] }),
    );
  });
});
