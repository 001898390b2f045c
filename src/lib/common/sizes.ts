const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** One decimal below 10 units ("1,2 MB"), whole numbers above ("850 KB"), bytes whole. */
function roundForUnit(value: number, unit: number): number {
  return unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}

/** A file size the Vietnamese way, decimal comma and 1024 steps: "1,2 MB", "850 KB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a size: ${bytes}`);
  let unit = 0;
  let value = bytes;
  // Step up while the rounded figure would read 1024 or more ("1024 KB" reads as "1 MB").
  while (roundForUnit(value, unit) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${String(roundForUnit(value, unit)).replace('.', ',')} ${UNITS[unit]}`;
}
