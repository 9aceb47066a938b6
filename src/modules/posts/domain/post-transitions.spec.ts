import { ErrorCode } from '../../../common/errors/error-code';
import { planPublish, planUnpublish, PublicationState } from './post-transitions';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const PAST = new Date('2019-03-01T09:00:00.000Z');
const FUTURE = new Date('2026-12-01T09:00:00.000Z');
const draft: PublicationState = { status: 'DRAFT', publishedAt: null };
const scheduled: PublicationState = { status: 'SCHEDULED', publishedAt: FUTURE };
const published: PublicationState = { status: 'PUBLISHED', publishedAt: PAST };

function errorOf(fn: () => unknown): { code?: string; detail?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; detail?: string };
  }
  throw new Error('expected an error');
}

describe('post workflow transitions', () => {
  it('publishes a draft now when publishAt is absent or not in the future', () => {
    expect(planPublish(draft, {}, NOW)).toEqual({ status: 'PUBLISHED', publishedAt: NOW, verb: 'published' });
    expect(planPublish(draft, { publishAt: PAST }, NOW)).toEqual({ status: 'PUBLISHED', publishedAt: NOW, verb: 'published' });
    expect(planPublish(draft, { publishAt: NOW }, NOW).status).toBe('PUBLISHED');
  });

  it('schedules for a future publishAt, and reschedules a scheduled post', () => {
    expect(planPublish(draft, { publishAt: FUTURE }, NOW)).toEqual({ status: 'SCHEDULED', publishedAt: FUTURE, verb: 'scheduled' });
    const later = new Date(FUTURE.getTime() + 1000);
    expect(planPublish(scheduled, { publishAt: later }, NOW).publishedAt).toEqual(later);
  });

  it('publishes a scheduled post early', () => {
    expect(planPublish(scheduled, {}, NOW)).toEqual({ status: 'PUBLISHED', publishedAt: NOW, verb: 'published' });
  });

  it('backdates with an explicit past publishedAt', () => {
    expect(planPublish(draft, { publishedAt: PAST }, NOW)).toEqual({ status: 'PUBLISHED', publishedAt: PAST, verb: 'published' });
  });

  it('rejects a future publishedAt and publishAt together with publishedAt (400)', () => {
    expect(errorOf(() => planPublish(draft, { publishedAt: FUTURE }, NOW)).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(errorOf(() => planPublish(draft, { publishedAt: PAST, publishAt: FUTURE }, NOW)).code).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('refuses to publish or schedule a published post (409, says to unpublish first)', () => {
    for (const request of [{}, { publishAt: FUTURE }]) {
      const error = errorOf(() => planPublish(published, request, NOW));
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(error.detail).toMatch(/already published/);
    }
  });

  it('unpublishes published and scheduled posts to a draft without a publication time', () => {
    expect(planUnpublish(published)).toEqual({ status: 'DRAFT', publishedAt: null, verb: 'unpublished' });
    expect(planUnpublish(scheduled)).toEqual({ status: 'DRAFT', publishedAt: null, verb: 'unpublished' });
  });

  it('refuses to unpublish a draft (409)', () => {
    const error = errorOf(() => planUnpublish(draft));
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.detail).toMatch(/already a draft/);
  });
});
