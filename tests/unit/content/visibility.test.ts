import { describe, expect, it } from 'vitest';
import { isPublic, visibilityOf } from '../../../src/lib/content/visibility.ts';

describe('visibilityOf (publishing date judged in Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['draft, past date', 'draft', '2026-01-01', '2026-11-28T12:00:00+07:00', 'draft'],
    ['draft, future date', 'draft', '2027-01-01', '2026-11-28T12:00:00+07:00', 'draft'],
    ['published, past date', 'published', '2026-10-28', '2026-11-28T12:00:00+07:00', 'public'],
    ['published today', 'published', '2026-11-28', '2026-11-28T00:00:00+07:00', 'public'],
    ['published tomorrow', 'published', '2026-11-29', '2026-11-28T23:59:59+07:00', 'scheduled'],
    ['midnight in Hà Nội is still the 28th in UTC', 'published', '2026-11-29', '2026-11-28T17:00:00Z', 'public'],
    ['one second before Hà Nội midnight', 'published', '2026-11-29', '2026-11-28T16:59:59Z', 'scheduled'],
  ] as const)('%s', (_label, status, publishDate, now, expected) => {
    expect(visibilityOf({ status, publishDate }, new Date(now))).toBe(expected);
    expect(isPublic({ status, publishDate }, new Date(now))).toBe(expected === 'public');
  });
});
