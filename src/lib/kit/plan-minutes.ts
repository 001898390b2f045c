/**
 * Durations of the meeting run sheet: totals and the secretary's saved adjustments.
 * Shared by the build and the plan page's script, so it imports no strings.
 */

/** A regular cell meeting should last at least this long (minutes). */
export const MIN_MEETING_MINUTES = 90;
/** Upper bound for one step, so a typo (900) is not taken as a plan. */
export const MAX_STEP_MINUTES = 180;

/** The sum of the steps' minutes. */
export function planTotal(minutes: readonly number[]): number {
  return minutes.reduce((sum, value) => sum + value, 0);
}

/** A typed duration as whole minutes in range, or null when it is not one. */
export function parseMinutes(value: string | number | null | undefined): number | null {
  const number = typeof value === 'number' ? value : value == null || value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(number) && number >= 0 && number <= MAX_STEP_MINUTES ? number : null;
}

/** Saved minutes for a plan of `defaults.length` steps; anything unusable falls back to the default. */
export function parseStoredMinutes(raw: string | null | undefined, defaults: readonly number[]): number[] {
  let value: unknown = null;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  const saved = Array.isArray(value) && value.length === defaults.length ? value : [];
  return defaults.map((fallback, index) => parseMinutes(saved[index] as number | undefined) ?? fallback);
}

/** The localStorage key of a month's adjusted durations. */
export function planStorageKey(month: string): string {
  return `portal:ke-hoach:${month}`;
}
