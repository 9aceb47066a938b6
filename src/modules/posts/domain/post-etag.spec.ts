import { ErrorCode } from '../../../common/errors/error-code';
import { acceptedVersions, matchVersion, optionalAcceptedVersions, parseIfMatch, parseOptionalIfMatch, postEtag } from './post-etag';

const ID = '3f1c1c5e-8f3a-4c55-9d1e-0b7f2a9e6a10';
const OTHER = '11111111-2222-4333-8444-555555555555';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('post ETags', () => {
  it('formats a strong tag from id and version that parses back to the version', () => {
    expect(postEtag(ID, 7)).toBe(`"${ID}:7"`);
    expect(parseIfMatch(postEtag(ID, 7), ID)).toEqual([7]);
  });

  it('requires the header (428) when it is missing or blank', () => {
    expect(codeOf(() => parseIfMatch(undefined, ID))).toBe(ErrorCode.PRECONDITION_REQUIRED);
    expect(codeOf(() => parseIfMatch('  ', ID))).toBe(ErrorCode.PRECONDITION_REQUIRED);
  });

  it('accepts a list and "*"', () => {
    expect(parseIfMatch(`"${ID}:1", "${ID}:3"`, ID)).toEqual([1, 3]);
    expect(parseIfMatch('*', ID)).toBe('*');
  });

  it.each([`W/"${ID}:1"`, `"${OTHER}:1"`, '1', `"${ID}:x"`, `"${ID}"`, 'garbage'])('never matches %s', (header) => {
    expect(parseIfMatch(header, ID)).toEqual([]);
  });

  it('matches the current version or fails with 412', () => {
    expect(matchVersion([2, 3], 3)).toBe(3);
    expect(matchVersion('*', 9)).toBe(9);
    expect(codeOf(() => matchVersion([2], 3))).toBe(ErrorCode.PRECONDITION_FAILED);
    expect(codeOf(() => matchVersion([], 3))).toBe(ErrorCode.PRECONDITION_FAILED);
  });

  it('takes a GraphQL version before an ifMatch string, and requires one of them', () => {
    expect(acceptedVersions(ID, { version: 4, ifMatch: postEtag(ID, 1) })).toEqual([4]);
    expect(acceptedVersions(ID, { ifMatch: postEtag(ID, 2) })).toEqual([2]);
    expect(codeOf(() => acceptedVersions(ID, {}))).toBe(ErrorCode.PRECONDITION_REQUIRED);
  });

  it('treats an absent precondition as "any version" where it is optional (publish, unpublish)', () => {
    expect(parseOptionalIfMatch(undefined, ID)).toBe('*');
    expect(parseOptionalIfMatch(postEtag(ID, 2), ID)).toEqual([2]);
    expect(optionalAcceptedVersions(ID, {})).toBe('*');
    expect(optionalAcceptedVersions(ID, { version: 5 })).toEqual([5]);
  });
});
