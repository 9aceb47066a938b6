import { ErrorCode } from '../errors/error-code';
import { assertIfMatch, nextUpdatedAt, updatedAtEtag } from './updated-at-etag';

const id = '6f1c1d4e-1111-4222-8333-944455556666';
const at = new Date('2026-11-24T09:00:00.123Z');

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('updatedAtEtag', () => {
  it('is a strong tag of the id and the millisecond of the last change', () => {
    expect(updatedAtEtag(id, at)).toBe(`"${id}:${at.getTime()}"`);
    expect(updatedAtEtag(id, new Date(at.getTime() + 1))).not.toBe(updatedAtEtag(id, at));
  });
});

describe('nextUpdatedAt', () => {
  it('moves forward even when the clock has not', () => {
    expect(nextUpdatedAt(at, new Date(at.getTime() - 5)).getTime()).toBe(at.getTime() + 1);
    expect(nextUpdatedAt(at, new Date(at.getTime() + 50)).getTime()).toBe(at.getTime() + 50);
  });
});

describe('assertIfMatch', () => {
  const etag = updatedAtEtag(id, at);

  it('requires the header (428)', () => {
    expect(codeOf(() => assertIfMatch(undefined, id, at, 'tag'))).toBe(ErrorCode.PRECONDITION_REQUIRED);
    expect(codeOf(() => assertIfMatch('  ', id, at, 'tag'))).toBe(ErrorCode.PRECONDITION_REQUIRED);
  });

  it('accepts the current tag, one of a list, or *', () => {
    expect(codeOf(() => assertIfMatch(etag, id, at, 'tag'))).toBeUndefined();
    expect(codeOf(() => assertIfMatch(`"x", ${etag}`, id, at, 'tag'))).toBeUndefined();
    expect(codeOf(() => assertIfMatch('*', id, at, 'tag'))).toBeUndefined();
  });

  it('refuses stale, weak, malformed and foreign tags (412)', () => {
    for (const header of [updatedAtEtag(id, new Date(0)), `W/${etag}`, 'garbage', `"${id}"`, etag.replace(id, 'other')]) {
      expect(codeOf(() => assertIfMatch(header, id, at, 'tag'))).toBe(ErrorCode.PRECONDITION_FAILED);
    }
  });
});
