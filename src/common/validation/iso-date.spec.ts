import { parseIsoDate } from './iso-date';

describe('parseIsoDate', () => {
  it.each([
    ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00.000Z'],
    ['2026-03-01T09:00Z', '2026-03-01T09:00:00.000Z'],
    ['2024-02-29T23:59:59.123+02:00', '2024-02-29T21:59:59.123Z'],
    ['2026-12-31T00:00:00-05:30', '2026-12-31T05:30:00.000Z'],
  ])('parses %s', (input, iso) => {
    expect(parseIsoDate(input)?.toISOString()).toBe(iso);
  });

  it('accepts a calendar date only when asked, as midnight UTC', () => {
    expect(parseIsoDate('2026-03-01')).toBeUndefined();
    expect(parseIsoDate('2026-03-01', true)?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    '2026-02-30', '2026-02-29', '2025-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
    '2026-02-30T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z',
    '2026-01-01T10:00:00+24:00', '2026-01-01T10:00:00', '2026-1-1', 'tomorrow', '', '2026-01-01T10:00:00Z ',
  ])('refuses %j instead of rolling it over', (input) => {
    expect(parseIsoDate(input, true)).toBeUndefined();
  });
});
