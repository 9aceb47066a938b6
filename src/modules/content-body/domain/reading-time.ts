import type { ReadingTime } from './body.types';

export const DEFAULT_WORDS_PER_MINUTE = 200;

const FIRST_IMAGE_SECONDS = 12;
const MIN_IMAGE_SECONDS = 3;

/**
 * Reading time in the Medium/Ghost style: words at a steady pace, plus a look at each image that gets
 * shorter as the reader gets used to them (12 s, 11 s, … down to 3 s).
 */
export function computeReadingTime(wordCount: number, imageCount: number, wordsPerMinute: number): ReadingTime {
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new RangeError(`wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  assertCount('wordCount', wordCount);
  assertCount('imageCount', imageCount);
  const seconds = Math.round((wordCount / wordsPerMinute) * 60) + imageSeconds(imageCount);
  return { seconds, minutes: Math.max(1, Math.floor(seconds / 60)) };
}

/** Total image time: 12 + 11 + … + 4 for the first nine images, then 3 s for every further one. */
export function imageSeconds(imageCount: number): number {
  const tapering = Math.min(imageCount, FIRST_IMAGE_SECONDS - MIN_IMAGE_SECONDS);
  const taperingSeconds = tapering * FIRST_IMAGE_SECONDS - (tapering * (tapering - 1)) / 2;
  return taperingSeconds + (imageCount - tapering) * MIN_IMAGE_SECONDS;
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
