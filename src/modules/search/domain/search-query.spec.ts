import { toSearchText } from './search-query';

describe('toSearchText', () => {
  it('splits hyphenated words so "tech-lead" can find "tech lead"', () => {
    expect(toSearchText('tech-lead')).toBe('tech lead');
    expect(toSearchText('"senior tech-lead role"')).toBe('"senior tech lead role"');
    expect(toSearchText('état-major co--op')).toBe('état major co op');
  });

  it('keeps exclusions and free-standing dashes', () => {
    expect(toSearchText('reading -typography')).toBe('reading -typography');
    expect(toSearchText('-draft notes')).toBe('-draft notes');
    expect(toSearchText('a - b')).toBe('a - b');
  });
});
