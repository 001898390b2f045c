/** The localStorage key the head script and the control share. */
export const FONT_SIZE_KEY = 'portal:font-size';
/** Steps 0..4; 1 is the browser's default size. */
export const DEFAULT_FONT_SIZE = 1;
export const MAX_FONT_SIZE = 4;

/** Reads a stored step, falling back to the default for anything unexpected. */
export function parseFontSize(value: string | null | undefined): number {
  return value && /^[0-4]$/.test(value) ? Number(value) : DEFAULT_FONT_SIZE;
}

/** The step after pressing A− (-1), A (0: back to default) or A+ (+1), kept in range. */
export function nextFontSize(current: number, change: number): number {
  if (change === 0) return DEFAULT_FONT_SIZE;
  return Math.min(MAX_FONT_SIZE, Math.max(0, current + Math.sign(change)));
}
