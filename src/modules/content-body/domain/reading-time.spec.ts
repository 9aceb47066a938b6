import { computeReadingTime, DEFAULT_WORDS_PER_MINUTE, imageSeconds } from './reading-time';

describe('computeReadingTime', () => {
  it('reports at least one minute for an empty body', () => {
    expect(computeReadingTime(0, 0, DEFAULT_WORDS_PER_MINUTE)).toEqual({ seconds: 0, minutes: 1 });
  });

  it.each([
    [200, 0, 60, 1],
    [199, 0, 60, 1],
    [1000, 0, 300, 5],
    [1680, 1, 516, 8],
    [1, 0, 0, 1],
  ])('reads %i words and %i images in %i s (%i min) at 200 wpm', (words, images, seconds, minutes) => {
    expect(computeReadingTime(words, images, 200)).toEqual({ seconds, minutes });
  });

  it('rounds word time to whole seconds before adding image time', () => {
    expect(computeReadingTime(100, 1, 240)).toEqual({ seconds: 25 + 12, minutes: 1 });
  });

  it('floors minutes', () => {
    expect(computeReadingTime(390, 0, 200).minutes).toBe(1);
    expect(computeReadingTime(400, 0, 200).minutes).toBe(2);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p words per minute', (wpm) => {
    expect(() => computeReadingTime(10, 0, wpm)).toThrow(RangeError);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => computeReadingTime(-1, 0, 200)).toThrow(RangeError);
    expect(() => computeReadingTime(1, 1.5, 200)).toThrow(RangeError);
  });
});

describe('imageSeconds', () => {
  it('gives 12 s to the first image, one second less to each next one, and never less than 3 s', () => {
    const perImage = Array.from({ length: 13 }, (_, i) => imageSeconds(i + 1) - imageSeconds(i));
    expect(perImage).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3, 3, 3]);
  });

  it('adds image time on top of word time', () => {
    expect(computeReadingTime(0, 3, 200)).toEqual({ seconds: 33, minutes: 1 });
    expect(computeReadingTime(0, 12, 200)).toEqual({ seconds: 81, minutes: 1 });
  });
});
