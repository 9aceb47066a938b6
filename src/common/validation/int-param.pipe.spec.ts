import { DomainError } from '../errors/domain-error';
import { IntParamPipe, MAX_INT4 } from './int-param.pipe';

describe('IntParamPipe', () => {
  const pipe = new IntParamPipe('n');

  it.each([['1', 1], ['42', 42], [String(MAX_INT4), MAX_INT4], [7, 7]])('accepts %p', (input, expected) => {
    expect(pipe.transform(input)).toBe(expected);
  });

  it.each(['0', '-1', '999999999999', String(MAX_INT4 + 1), '1.5', '1e3', 'abc', '', ' 1', 999999999999, 1.5, NaN])('refuses %p naming the parameter', (input) => {
    expect(() => pipe.transform(input)).toThrow(DomainError);
    try {
      pipe.transform(input);
    } catch (error) {
      expect((error as DomainError).errors).toEqual([{ field: 'n', message: expect.stringContaining('integer') }]);
    }
  });
});
